export * from "./organisations";
export * from "./users";
export * from "./squads";
export * from "./athletes";
export * from "./invites";
