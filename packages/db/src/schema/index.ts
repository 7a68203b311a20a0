export * from "./organisations";
export * from "./users";
export * from "./squads";
export * from "./athletes";
export * from "./invites";
export * from "./clinical";
export * from "./squad-planning";
export * from "./throttles";
