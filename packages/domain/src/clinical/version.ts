/**
 * Version of the rules engine. Stored assessment snapshots record it; a snapshot written by
 * another version is recomputed on the next read, so a rule change reaches every athlete
 * without waiting for their next log. Bump it with every change to what a rule decides or says.
 *
 * 1 (implicit, unversioned snapshots): the first engine.
 * 2: missing mornings, red-outcome hold in rehab, breaks in R10, R13 history and zone
 *    severity, open red flags block any advance, exit criteria "unknown" on no data, VISA-H
 *    validity, the club's time zone in sentences and day boundaries.
 * 3: flags name their cause (alert identity: one condition, one alert); R4's two-reds search
 *    starts at the last R4 review and holds at most 8 weeks without one; bounded reads
 *    (read-window.ts): R14/R15 compare with a complete green run of the 28 days before.
 * 4: assessments carry logging compliance (7 and 28 days); the read window keeps planned squad
 *    sessions and VISA-H answers of the compliance period.
 * 5: every snapshot also stores its board row (board-view.ts), which the board reads instead
 *    of the full assessment.
 */
export const ENGINE_VERSION = "5";
