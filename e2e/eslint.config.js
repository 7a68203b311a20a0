import base from "@loadline/config/eslint";

// Playwright reads fixture parameters from their destructuring pattern, so `{}` is required.
export default [...base, { rules: { "no-empty-pattern": "off" } }];
