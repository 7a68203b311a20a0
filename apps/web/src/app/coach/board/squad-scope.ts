/**
 * Which squads the board asks the server for: the coach's own by default, all of them or one on
 * request (the `squad` URL parameter). The server filters in SQL, so a coach of one squad in a
 * large club never loads the whole organisation.
 */
export function boardSquadFilter(squadParam: string | undefined, mine: readonly string[]): string {
  return squadParam || (mine.length > 0 ? "mine" : "all");
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The board query's input for a filter: every squad when "all". */
export function boardQueryInput(filter: string, mine: readonly string[]): { squadIds?: string[] } {
  if (filter === "mine") return { squadIds: [...mine] };
  // A squad id from the address bar; anything else (a mistyped link) shows every squad's rows,
  // which the table's own filter then narrows, instead of an error page.
  return UUID.test(filter) ? { squadIds: [filter] } : {};
}
