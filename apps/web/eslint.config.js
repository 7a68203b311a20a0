import react from "@loadline/config/eslint/react";
export default [...react, { ignores: ["scripts/*.mjs"] }];
