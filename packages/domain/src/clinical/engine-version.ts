/**
 * The rules engine's version. Every stored assessment records the version that computed it;
 * a snapshot from another version is stale, so a deploy that changes a rule re-assesses every
 * athlete. Bump it with every change to what `assessAthlete` returns for the same records.
 */
export const ENGINE_VERSION = 2;
