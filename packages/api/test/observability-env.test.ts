import { describe, expect, it } from "vitest";
import { readObservabilityEnv } from "../src/env";

describe("logging and tracing settings", () => {
  it("default to info-level JSON logs without tracing", () => {
    expect(readObservabilityEnv({})).toEqual({ LOG_LEVEL: "info", LOADLINE_SERVICE_NAME: "loadline", LOADLINE_LOG_PRETTY: false });
  });

  it("read the level, pretty lines and the OTLP endpoint; an empty endpoint is off", () => {
    expect(readObservabilityEnv({ LOG_LEVEL: "warn", LOADLINE_LOG_PRETTY: "true", OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318" })).toMatchObject({
      LOG_LEVEL: "warn",
      LOADLINE_LOG_PRETTY: true,
      OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318",
    });
    expect(readObservabilityEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: "" }).OTEL_EXPORTER_OTLP_ENDPOINT).toBeUndefined();
  });

  it("refuse a bad value at start, naming the variable", () => {
    expect(() => readObservabilityEnv({ LOG_LEVEL: "loud" })).toThrow(/LOG_LEVEL must be one of/);
    expect(() => readObservabilityEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: "collector" })).toThrow(/OTEL_EXPORTER_OTLP_ENDPOINT must be a URL/);
  });
});
