import reactHooks from "eslint-plugin-react-hooks";
import base from "./base.js";

/** The app and the UI package: base rules plus the Rules of Hooks and complete effect dependencies. */
export default [
  ...base,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },
];
