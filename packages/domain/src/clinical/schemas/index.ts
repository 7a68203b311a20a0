export * from "./fields";
export * from "./plan";
export * from "./logs";
export * from "./records";
export * from "./timeline";
