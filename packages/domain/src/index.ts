export * from "./roles";
export * from "./errors";
export * from "./policy";
export * from "./roster";
export * from "./clinical";
export * from "./sessions";
export * from "./throttle";
export * from "./account";
