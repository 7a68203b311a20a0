import { defineConfig } from "vitest/config";
import { databaseProjects } from "@loadline/config/vitest/database-projects";

export default defineConfig({ test: { projects: databaseProjects(["test/**/*.test.ts"]) } });
