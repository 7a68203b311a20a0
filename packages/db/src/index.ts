export * from "./client";
export * from "./runtime";
export * from "./queries/users";
export * from "./queries/roster";
export * from "./queries/invites";
export * from "./queries/timeline";
export * from "./queries/assessments";
