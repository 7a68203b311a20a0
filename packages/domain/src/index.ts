export * from "./roles";
export * from "./errors";
export * from "./input-primitives";
export * from "./policy";
export * from "./roster";
export * from "./clinical";
