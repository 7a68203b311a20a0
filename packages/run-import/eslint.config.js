import domain from "@loadline/config/eslint/domain";
export default domain;
