import { describe, expect, it } from "vitest";
import webpush from "web-push";
import { readPushEnv } from "../src/env";

describe("web push settings", () => {
  const keys = webpush.generateVAPIDKeys();
  const full = { LOADLINE_VAPID_PUBLIC_KEY: keys.publicKey, LOADLINE_VAPID_PRIVATE_KEY: keys.privateKey, LOADLINE_VAPID_SUBJECT: "mailto:ops@club.example" };

  it("is off without keys, on with all three", () => {
    expect(readPushEnv({})).toBeNull();
    expect(readPushEnv({ LOADLINE_VAPID_PUBLIC_KEY: "", LOADLINE_VAPID_PRIVATE_KEY: " ", LOADLINE_VAPID_SUBJECT: "" })).toBeNull();
    expect(readPushEnv(full)).toEqual({ publicKey: keys.publicKey, privateKey: keys.privateKey, subject: "mailto:ops@club.example" });
    expect(readPushEnv({ ...full, LOADLINE_VAPID_SUBJECT: "https://club.example/contact" })?.subject).toBe("https://club.example/contact");
  });

  it("refuses a partial or malformed configuration, naming the variable", () => {
    expect(() => readPushEnv({ LOADLINE_VAPID_PUBLIC_KEY: keys.publicKey })).toThrow(/needs all of LOADLINE_VAPID_PUBLIC_KEY/);
    expect(() => readPushEnv({ ...full, LOADLINE_VAPID_SUBJECT: "ops@club.example" })).toThrow(/LOADLINE_VAPID_SUBJECT must be a mailto: or https:\/\/ address/);
    expect(() => readPushEnv({ ...full, LOADLINE_VAPID_PUBLIC_KEY: keys.privateKey })).toThrow(/LOADLINE_VAPID_PUBLIC_KEY must be 65 bytes/);
    expect(() => readPushEnv({ ...full, LOADLINE_VAPID_PRIVATE_KEY: "not+base64/" })).toThrow(/LOADLINE_VAPID_PRIVATE_KEY must be URL-safe base64/);
  });
});
