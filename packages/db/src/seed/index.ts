import { sql } from "drizzle-orm";
import { DEFAULT_LOCALE, DEFAULT_TIME_ZONE } from "@loadline/domain";
import type { Database } from "../client";
import { athleteProfiles, invites, organisations, squadMemberships, squads, users } from "../schema";
import { DAY_MS, type SeedContext, type SeedTx } from "./context";
import { DEMO_PASSWORD, demoAthletes, demoStaff } from "./demo-people";
import { seedClinical } from "./clinical";
import { seedAthleteLogs } from "./athlete-logs";
import { seedSquadPlans } from "./squad-plans";

export { DEMO_PASSWORD, demoAthleteEmail, demoAthletes, demoStaff } from "./demo-people";
export type { SeedContext } from "./context";

export const DEMO_ORGANISATION_SLUG = "riverside-harriers";

export interface SeedOptions {
  /** The seed day: every date is relative to it, so the demo always looks current. */
  now: Date;
  /** Slow password hashing lives in @loadline/auth; the seed is handed the function. */
  hashPassword: (password: string) => Promise<string>;
}

const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS);

/** Remove every organisation and everything that belongs to one. For demo and test databases only. */
export async function resetDatabase(db: Database): Promise<void> {
  await db.execute(sql`truncate table ${organisations} cascade`);
}

/** Is the demo club already there? */
export async function hasDemoClub(db: Database): Promise<boolean> {
  const row = await db.query.organisations.findFirst({
    columns: { id: true },
    where: (o, { eq }) => eq(o.slug, DEMO_ORGANISATION_SLUG),
  });
  return row !== undefined;
}

/**
 * Create the demo club: two squads, one coach, one physio and 24 athletes (two still
 * invited, one archived). One transaction, so a failed seed leaves nothing half-made.
 */
export async function seedDemoClub(db: Database, options: SeedOptions): Promise<{ organisationId: string }> {
  const { now } = options;
  const passwordHash = await options.hashPassword(DEMO_PASSWORD);

  return db.transaction(async (tx) => {
    const [org] = await tx
      .insert(organisations)
      .values({
        name: "Riverside Harriers & AC",
        slug: DEMO_ORGANISATION_SLUG,
        timeZone: DEFAULT_TIME_ZONE,
        locale: DEFAULT_LOCALE,
        createdAt: daysBefore(now, 1200),
      })
      .returning({ id: organisations.id });
    if (!org) throw new Error("could not create the demo organisation");
    const organisationId = org.id;

    const squadRows = await tx
      .insert(squads)
      .values([
        { organisationId, name: "Distance", kind: "distance" as const },
        { organisationId, name: "Field & Sprint", kind: "field" as const },
      ])
      .returning({ id: squads.id, kind: squads.kind });
    const squadId = (kind: "distance" | "field") => {
      const found = squadRows.find((s) => s.kind === kind);
      if (!found) throw new Error(`missing ${kind} squad`);
      return found.id;
    };

    const staff = await tx
      .insert(users)
      .values([
        { organisationId, role: "coach" as const, isOwner: true, passwordHash, ...demoStaff.coach, createdAt: daysBefore(now, 1200) },
        { organisationId, role: "physio" as const, passwordHash, ...demoStaff.physio, createdAt: daysBefore(now, 800) },
      ])
      .returning({ id: users.id, role: users.role });
    const coachId = staff.find((s) => s.role === "coach")?.id;
    const physioId = staff.find((s) => s.role === "physio")?.id;
    if (!coachId || !physioId) throw new Error("missing demo staff");
    const athleteIdByEmail = new Map<string, string>();
    // The coach looks after both squads.
    await tx.insert(squadMemberships).values([
      { organisationId, squadId: squadId("distance"), userId: coachId },
      { organisationId, squadId: squadId("field"), userId: coachId },
    ]);

    for (const athlete of demoAthletes) {
      const joined = daysBefore(now, athlete.joinedDaysAgo);
      const [user] = await tx
        .insert(users)
        .values({
          organisationId,
          role: "athlete",
          name: athlete.name,
          email: athlete.email,
          passwordHash: athlete.invited ? null : passwordHash,
          createdAt: joined,
        })
        .returning({ id: users.id });
      if (!user) throw new Error(`could not create ${athlete.name}`);
      const [profile] = await tx.insert(athleteProfiles).values({
        organisationId,
        userId: user.id,
        eventOrSport: athlete.eventOrSport,
        birthYear: athlete.birthYear,
        sex: athlete.sex,
        preInjuryWeeklyKm: athlete.preInjuryWeeklyKm,
        previousHamstringInjury: athlete.previousHamstringInjury,
        conditions: athlete.conditions,
        notes: athlete.notes ?? "",
        archivedAt: athlete.archived ? daysBefore(now, 20) : null,
        createdAt: joined,
        updatedAt: joined,
      }).returning({ id: athleteProfiles.id });
      if (!profile) throw new Error(`could not create the profile of ${athlete.name}`);
      athleteIdByEmail.set(athlete.email, profile.id);
      await tx.insert(squadMemberships).values({ organisationId, squadId: squadId(athlete.squad), userId: user.id });
      if (athlete.invited) {
        // A pending invite whose token nobody knows: the coach re-issues a link to share it.
        await tx.insert(invites).values({
          organisationId,
          userId: user.id,
          createdByUserId: coachId,
          tokenHash: `seed-unknown-token-${user.id}`,
          createdAt: joined,
          expiresAt: daysBefore(now, -6),
        });
      }
    }
    const context: SeedContext = {
      now,
      organisationId,
      coachId,
      physioId,
      squadIds: { distance: squadId("distance"), field: squadId("field") },
      athleteId: (email) => {
        const id = athleteIdByEmail.get(email);
        if (!id) throw new Error(`no demo athlete ${email}`);
        return id;
      },
    };
    await seedFeatures(tx, context);
    return { organisationId };
  });
}

/**
 * Each feature seeds its own demo records, in order (plans before the logs that follow them),
 * inside the same transaction.
 */
const featureSeeds: ((tx: SeedTx, context: SeedContext) => Promise<void>)[] = [seedClinical, seedAthleteLogs, seedSquadPlans];

async function seedFeatures(tx: SeedTx, context: SeedContext): Promise<void> {
  for (const seed of featureSeeds) await seed(tx, context);
}
