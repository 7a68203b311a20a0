/** The operator the fresh instance starts with (see playwright.config.ts, project "fresh"). */
export const FRESH_OPERATOR = { email: "operator@loadline.test", password: "e2e-operator-password" };
