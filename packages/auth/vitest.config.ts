import { defineConfig } from "vitest/config";
import { unitTimeouts } from "@loadline/config/vitest/timeouts";

export default defineConfig({ test: { include: ["test/**/*.test.ts"], ...unitTimeouts } });
