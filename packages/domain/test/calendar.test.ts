import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  assessAthlete,
  clubWeek,
  localDateKey,
  middayOfLocalDay,
  pastInstantOfDay,
  effectiveTimeZone,
  formatCalendarDate,
  formatInClubTime,
  isSameLocalDay,
  isValidTimeZone,
  localParts,
  localPartsFromIntl,
  localeSchema,
  parseAthleteTimeline,
  preflightCheck,
  resolveCalendar,
  startOfLocalDay,
  timeZoneSchema,
  weeklyVolumeSeries,
  zonedTimeToInstant,
} from "../src/clinical";
import { checkIn, run, timeline } from "./helpers";

const london = { timeZone: "Europe/London", locale: "en-GB" };
const iso = (t: number | Date) => new Date(t).toISOString();

describe("the club's calendar", () => {
  it("defaults to Europe/London, en-GB, weeks from Monday; an athlete's own zone wins over the club's", () => {
    expect(resolveCalendar()).toEqual({ timeZone: "Europe/London", locale: "en-GB", weekStartsOn: 1 });
    expect(effectiveTimeZone("Europe/London", "America/New_York")).toBe("America/New_York");
    expect(effectiveTimeZone("Europe/Madrid", null)).toBe("Europe/Madrid");
    expect(effectiveTimeZone(null, null)).toBe("Europe/London");
  });

  it("validates zones and locales", () => {
    expect(isValidTimeZone("Australia/Sydney")).toBe(true);
    expect(timeZoneSchema.safeParse("Mars/Olympus").success).toBe(false);
    expect(localeSchema.safeParse("en-GB").success).toBe(true);
    expect(localeSchema.safeParse("not a locale!").success).toBe(false);
  });

  it("formats times in the club's zone and locale, never in UTC unless the club is", () => {
    const winter = new Date("2026-12-02T07:00:00Z");
    const summer = new Date("2026-07-02T07:00:00Z");
    expect(formatInClubTime(winter, london)).toBe("Wed 2 Dec, 07:00");
    expect(formatInClubTime(summer, london)).toBe("Thu 2 Jul, 08:00");
    expect(formatInClubTime(summer, { timeZone: "America/New_York", locale: "en-US" })).toBe("Thu, Jul 2, 03:00");
    expect(formatInClubTime(summer, london, "date")).toBe("2 Jul 2026");
    expect(formatInClubTime("not a date", london)).toBe("");
  });

  it("writes a date-only value as that same day in the locale, whatever the zone", () => {
    expect(formatCalendarDate("2026-11-21", { locale: "en-US" })).toBe("Nov 21, 2026");
    expect(formatCalendarDate("2026-11-21", london, "shortDate")).toBe("21 Nov");
    // formatInClubTime would read the string as UTC midnight, the 20th in New York.
    expect(formatInClubTime("2026-11-21", { timeZone: "America/New_York", locale: "en-US" }, "date")).toBe("Nov 20, 2026");
    expect(formatCalendarDate("2026-11-21T10:00:00Z", london)).toBe("");
  });

  it("local days start at local midnight across daylight-saving changes", () => {
    // London springs forward on 29 March 2026 and falls back on 25 October 2026.
    expect(iso(startOfLocalDay(Date.parse("2026-03-29T12:00:00Z"), "Europe/London"))).toBe("2026-03-29T00:00:00.000Z");
    expect(iso(startOfLocalDay(Date.parse("2026-03-30T12:00:00Z"), "Europe/London"))).toBe("2026-03-29T23:00:00.000Z");
    // Midnight on 25 October is still summer time; that day is 25 hours long.
    expect(iso(startOfLocalDay(Date.parse("2026-10-25T23:30:00Z"), "Europe/London"))).toBe("2026-10-24T23:00:00.000Z");
    // 23:30 UTC on 1 July is already 2 July in London.
    expect(isSameLocalDay(new Date("2026-07-01T23:30:00Z"), new Date("2026-07-02T08:00:00Z"), "Europe/London")).toBe(true);
    expect(isSameLocalDay(new Date("2026-07-01T23:30:00Z"), new Date("2026-07-02T08:00:00Z"), "UTC")).toBe(false);
    // A wall time that happens twice resolves to the first; one that never happens lands after the gap.
    expect(iso(zonedTimeToInstant(2026, 10, 25, 1, 30, "Europe/London"))).toBe("2026-10-25T00:30:00.000Z");
    expect(iso(zonedTimeToInstant(2026, 3, 29, 1, 30, "Europe/London"))).toBe("2026-03-29T01:30:00.000Z");
  });

  it("the planner week runs Monday 00:00 to Monday 00:00 local, 167 or 169 hours across a change", () => {
    const spring = clubWeek(new Date("2026-03-25T12:00:00Z"));
    expect([iso(spring.start), iso(spring.end)]).toEqual(["2026-03-23T00:00:00.000Z", "2026-03-29T23:00:00.000Z"]);
    const autumn = clubWeek(new Date("2026-10-21T12:00:00Z"));
    expect((autumn.end.getTime() - autumn.start.getTime()) / 3_600_000).toBe(169);
    const sunday = clubWeek(new Date("2026-12-01T12:00:00Z"), { weekStartsOn: 7 });
    expect(iso(sunday.start)).toBe("2026-11-29T00:00:00.000Z");
  });

  it("weekly series put a Sunday-evening run in its local week", () => {
    // 23:30 UTC on Sunday 28 June is 00:30 on Monday 29 June in London: next week.
    const points = weeklyVolumeSeries([{ at: new Date("2026-06-28T23:30:00Z"), distanceKm: 10 }], new Date("2026-07-01T12:00:00Z"), 2, 10, london);
    expect(points.map((p) => [iso(p.weekStart), p.km])).toEqual([
      ["2026-06-21T23:00:00.000Z", 0],
      ["2026-06-28T23:00:00.000Z", 10],
    ]);
  });

  it("E1.1 counts calendar days in the club's zone", () => {
    // Two load tests in one London day (00:30 BST and 23:30 BST) but on two UTC dates.
    const now = new Date("2026-07-08T20:00:00Z");
    const tests = [
      { id: "a", at: new Date("2026-07-06T23:30:00Z"), morningPain: 1, loadTestPain: 1 },
      { id: "b", at: new Date("2026-07-07T22:30:00Z"), morningPain: 1, loadTestPain: 1 },
    ];
    const t = timeline({ phase: 1, plan: { createdAt: new Date("2026-06-01T00:00:00Z"), phaseStartedAt: new Date("2026-06-01T00:00:00Z") }, checkIns: tests });
    const inLondon = assessAthlete(t, now).exitCriteria.find((c) => c.id === "E1.1");
    const inUtc = assessAthlete(t, now, { calendar: { timeZone: "UTC" } }).exitCriteria.find((c) => c.id === "E1.1");
    expect(inLondon?.evidence.values.daysWithData).toBe(1);
    expect(inUtc?.evidence.values.daysWithData).toBe(2);
  });

  it("the R7 sentence names the next allowed time in the club's zone", () => {
    const now = new Date("2026-07-06T18:00:00Z");
    const t = timeline({ sessions: [run({ at: new Date("2026-07-06T06:00:00Z") })], checkIns: [checkIn(0)], plan: { createdAt: new Date("2026-06-01T00:00:00Z"), phaseStartedAt: new Date("2026-06-01T00:00:00Z") } });
    const message = (timeZone: string) =>
      preflightCheck(assessAthlete(t, now, { calendar: { timeZone } }), { kind: "easy_run", at: new Date("2026-07-07T18:00:00Z") }).reasons[0]?.message;
    expect(message("Europe/London")).toMatch(/allowed from Thu 9 Jul, 07:00\.$/);
    expect(message("Australia/Sydney")).toMatch(/allowed from Thu 9 Jul, 16:00\.$/);
  });
});

describe("the same instants written in another time zone give the same result (property)", () => {
  const offsets = ["Z", "+01:00", "-05:00", "+09:30", "+13:45"] as const;
  const write = (t: number, offset: (typeof offsets)[number]) => {
    if (offset === "Z") return new Date(t).toISOString();
    const sign = offset.startsWith("-") ? -1 : 1;
    const [h, m] = offset.slice(1).split(":").map(Number) as [number, number];
    const local = new Date(t + sign * (h * 60 + m) * 60_000).toISOString().slice(0, 23);
    return `${local}${offset}`;
  };
  const NOW = Date.parse("2026-10-28T20:00:00Z");

  it("parsing a timeline written with any UTC offset gives the same assessment", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ minutesAgo: fc.integer({ min: 1, max: 20 * 24 * 60 }), pain: fc.integer({ min: 0, max: 10 }) }), { maxLength: 8 }),
        fc.array(fc.record({ minutesAgo: fc.integer({ min: 1, max: 20 * 24 * 60 }), pain: fc.integer({ min: 0, max: 10 }) }), { maxLength: 10 }),
        fc.constantFrom(...offsets),
        (sessions, mornings, offset) => {
          const raw = (o: (typeof offsets)[number]) => ({
            athlete: { id: "a" },
            sessions: sessions.map((s, i) => ({ id: `s${i}`, at: write(NOW - s.minutesAgo * 60_000, o), type: "run", painDuring: s.pain, distanceKm: 5, minutes: 30, rpe: 4 })),
            checkIns: mornings.map((c, i) => ({ id: `c${i}`, at: write(NOW - c.minutesAgo * 60_000, o), morningPain: c.pain, loadTestPain: c.pain })),
          });
          const now = new Date(NOW);
          const inUtc = assessAthlete(parseAthleteTimeline(raw("Z"), now), now);
          const elsewhere = assessAthlete(parseAthleteTimeline(raw(offset), now), now);
          expect(JSON.stringify(elsewhere)).toBe(JSON.stringify(inUtc));
        },
      ),
      { numRuns: 100 },
    );
  }, 60_000);
});

describe("local wall-clock readings from cached hourly offsets", () => {
  // Zones with half- and quarter-hour offsets, 30-minute DST (Lord Howe), southern-hemisphere DST,
  // local mean time before 1900-ish and zones that changed their standard offset.
  const zones = [
    "Europe/London",
    "America/New_York",
    "America/St_Johns",
    "Asia/Kathmandu",
    "Australia/Lord_Howe",
    "Pacific/Chatham",
    "Pacific/Apia",
    "Europe/Dublin",
    "Africa/Casablanca",
    "America/Sao_Paulo",
    "UTC",
  ] as const;
  const from = Date.UTC(1890, 0, 1);
  const to = Date.UTC(2210, 0, 1);

  it("equal Intl's reading for any instant in any zone (property)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: from, max: to }), (zone, t) => {
        expect(localParts(t, zone)).toEqual(localPartsFromIntl(t, zone));
      }),
      { numRuns: 3000 },
    );
  });

  it("equal Intl's reading minute by minute around every offset change of 2024-2026", () => {
    for (const zone of zones) {
      let previous = localPartsFromIntl(Date.UTC(2024, 0, 1), zone);
      // Hour steps find the hours holding a change; each such hour is then walked minute by minute,
      // and a second either side of each minute.
      for (let hour = Date.UTC(2024, 0, 1); hour < Date.UTC(2027, 0, 1); hour += 3_600_000) {
        const reading = localPartsFromIntl(hour, zone);
        const expectedHour = (previous.hour + 1) % 24;
        if (reading.hour !== expectedHour || reading.minute !== previous.minute) {
          for (let t = hour - 3_600_000; t <= hour + 3_600_000; t += 60_000) {
            for (const d of [-1000, 0, 999, 1000]) expect(localParts(t + d, zone), `${zone} ${new Date(t + d).toISOString()}`).toEqual(localPartsFromIntl(t + d, zone));
          }
        }
        previous = reading;
      }
    }
  });
});

describe("middayOfLocalDay", () => {
  it("is noon of that day in the zone, the same day read back there, even at UTC+13", () => {
    expect(middayOfLocalDay("2026-10-18", "Pacific/Auckland").toISOString()).toBe("2026-10-17T23:00:00.000Z");
    expect(localDateKey(middayOfLocalDay("2026-10-18", "Pacific/Auckland").getTime(), "Pacific/Auckland")).toBe("2026-10-18");
    expect(middayOfLocalDay("2026-07-01", "Europe/London").toISOString()).toBe("2026-07-01T11:00:00.000Z");
    expect(localDateKey(middayOfLocalDay("2026-03-08", "America/Los_Angeles").getTime(), "America/Los_Angeles")).toBe("2026-03-08");
  });
});

describe("pastInstantOfDay", () => {
  it("is the club's midday of a past day, and now for this morning (never in the future)", () => {
    const morning = new Date("2026-07-01T07:00:00Z");
    expect(pastInstantOfDay("2026-06-30", "Europe/London", morning).toISOString()).toBe("2026-06-30T11:00:00.000Z");
    expect(pastInstantOfDay("2026-07-01", "Europe/London", morning)).toEqual(morning);
    expect(pastInstantOfDay("2026-07-01", "Europe/London", new Date("2026-07-01T15:00:00Z")).toISOString()).toBe("2026-07-01T11:00:00.000Z");
  });
});
