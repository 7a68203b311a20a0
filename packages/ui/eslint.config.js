import base from "@loadline/config/eslint";

export default base;
