import type { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticate } from "@loadline/auth/credentials";
import { hashPassword } from "@loadline/auth/password";
import { deleteClubBySlug, getSessionRecord, readClubCalendar, type DatabaseHandle } from "@loadline/db";
import { authThrottles, exercises, invites, organisations, squadMemberships, users } from "@loadline/db/schema";
import type { Actor } from "@loadline/domain";
import { createCaller } from "../src/root";
import { createClubWithOwnerLink } from "../src/services/clubs";
import { addAthlete, codeOf, fieldErrorsOf } from "./athlete-helpers";
import { callerFor, createTestDatabase, makeClub, NOW, TEST_SECOND_FACTOR_KEY, type Club } from "./fixtures";

/**
 * Running a club: set-up on an empty instance, squads and their coaches, staff roles and
 * invites, club settings and ownership, and each person's own account.
 */

let handle: DatabaseHandle;
const errorOf = (p: Promise<unknown>) => p.then(() => null, (e: TRPCError) => e);
const publicCaller = (openSignup = false) =>
  createCaller({ db: handle.db, actor: null, now: NOW, instance: { openSignup }, sleep: async () => {}, secondFactorKey: TEST_SECOND_FACTOR_KEY });
const password = "club-admin-password";

const setup = (email: string, clubName = "Northside Runners") => ({
  clubName,
  timeZone: "Europe/Dublin",
  locale: "en-IE",
  ownerName: "Orla Owner",
  ownerEmail: email,
  password,
  confirm: password,
});

beforeAll(async () => {
  handle = await createTestDatabase();
}, 60_000);
afterAll(() => handle.close());

describe("setting up a club on an empty instance", () => {
  it("creates the first club with its owner, who can sign in at once; then the instance is closed", async () => {
    expect(await publicCaller().setup.status()).toEqual({ needsSetup: true, canCreateClub: true });
    expect(await publicCaller().setup.createClub(setup("orla@northside.test"))).toEqual({ email: "orla@northside.test" });

    const [owner] = await handle.db.select().from(users).where(eq(users.email, "orla@northside.test"));
    expect(owner).toMatchObject({ role: "coach", isOwner: true, name: "Orla Owner" });
    const [org] = await handle.db.select().from(organisations).where(eq(organisations.id, owner!.organisationId));
    expect(org).toMatchObject({ name: "Northside Runners", timeZone: "Europe/Dublin", locale: "en-IE", weekStartsOn: 1 });
    expect((await handle.db.select().from(exercises).where(eq(exercises.organisationId, org!.id))).length).toBeGreaterThan(5);
    expect(await authenticate(handle.db, { email: "orla@northside.test", password }, { now: NOW, key: TEST_SECOND_FACTOR_KEY })).toMatchObject({ role: "coach" });

    expect(await publicCaller().setup.status()).toEqual({ needsSetup: false, canCreateClub: false });
    const second = await errorOf(publicCaller().setup.createClub(setup("someone@else.test", "Second Club")));
    expect(second?.code).toBe("CONFLICT");
    expect((await handle.db.select().from(organisations).where(eq(organisations.name, "Second Club"))).length).toBe(0);
  });

  it("with open sign-up, anyone creates a new club; an email in use is refused at its field", async () => {
    expect(await publicCaller(true).setup.status()).toEqual({ needsSetup: false, canCreateClub: true });
    await publicCaller(true).setup.createClub(setup("sam@southside.test", "Southside AC"));
    expect((await handle.db.select().from(organisations).where(eq(organisations.name, "Southside AC"))).length).toBe(1);
    expect(await fieldErrorsOf(publicCaller(true).setup.createClub(setup("orla@northside.test", "Copycat AC")))).toHaveProperty("ownerEmail");
  });

  it("refuses a set-up with a bad time zone or mismatched passwords, naming the field", async () => {
    expect(await fieldErrorsOf(publicCaller(true).setup.createClub({ ...setup("tz@x.test"), timeZone: "Mars/Olympus" }))).toHaveProperty("timeZone");
    expect(await fieldErrorsOf(publicCaller(true).setup.createClub({ ...setup("pw@x.test"), confirm: "something else" }))).toHaveProperty("confirm");
  });

  it("an operator-created club's owner sets their password from the one-time link", async () => {
    const link = await createClubWithOwnerLink(
      handle.db,
      { clubName: "Operator Harriers", timeZone: "Europe/London", locale: "en-GB", ownerName: "Olu Owner", ownerEmail: "olu@operator.test" },
      NOW,
    );
    const token = link.setupPath.replace("/invite/", "");
    expect(await publicCaller().invite.lookup({ token })).toMatchObject({ state: "valid", role: "coach", organisationName: "Operator Harriers" });
    await publicCaller().invite.accept({ token, password, confirm: password });
    const [owner] = await handle.db.select().from(users).where(eq(users.email, "olu@operator.test"));
    expect(owner).toMatchObject({ isOwner: true, role: "coach" });
    expect(owner!.passwordHash).not.toBeNull();
  });
});

describe("running a club", () => {
  let club: Club;
  let other: Club;
  let owner: Actor;
  let secondCoach: Actor;

  beforeAll(async () => {
    club = await makeClub(handle, "Admin Club");
    other = await makeClub(handle, "Other Club");
    const passwordHash = await hashPassword(password);
    await handle.db.update(users).set({ passwordHash }).where(eq(users.organisationId, club.organisationId));
    await handle.db.update(users).set({ isOwner: true }).where(eq(users.id, club.coach.userId));
    owner = { ...club.coach, isOwner: true };
    const [coach] = await handle.db
      .insert(users)
      .values({ organisationId: club.organisationId, role: "coach", name: "Second Coach", email: "second-coach@admin.test", passwordHash })
      .returning();
    secondCoach = { userId: coach!.id, role: "coach", organisationId: club.organisationId };
  }, 60_000);

  describe("squads", () => {
    it("a coach creates, renames, archives and restores a squad; archived squads leave the forms", async () => {
      const coach = callerFor(handle, club.coach);
      const { squadId } = await coach.squads.create({ name: "Juniors", kind: "distance" });
      await coach.squads.update({ squadId, name: "Under-20s", kind: "field" });
      expect((await coach.squads.list()).find((s) => s.id === squadId)).toMatchObject({ name: "Under-20s", kind: "field", archivedAt: null });
      await coach.squads.setArchived({ squadId, archived: true });
      expect((await coach.roster.squads()).map((s) => s.id)).not.toContain(squadId);
      expect((await coach.squads.list()).find((s) => s.id === squadId)?.archivedAt).toEqual(NOW);
      await coach.squads.setArchived({ squadId, archived: false });
      expect((await coach.roster.squads()).map((s) => s.id)).toContain(squadId);
    });

    it("refuses a duplicate name, another club's squad and a physio", async () => {
      const coach = callerFor(handle, club.coach);
      expect(await codeOf(coach.squads.create({ name: "Distance", kind: "distance" }))).toBe("CONFLICT");
      expect(await codeOf(coach.squads.update({ squadId: other.squadIds.distance, name: "Taken", kind: "distance" }))).toBe("NOT_FOUND");
      expect(await codeOf(coach.squads.setArchived({ squadId: other.squadIds.distance, archived: true }))).toBe("NOT_FOUND");
      expect(await codeOf(callerFor(handle, club.physio).squads.create({ name: "Physio Squad", kind: "field" }))).toBe("FORBIDDEN");
    });

    it("assigns coaches to squads; a coach's own squads are where the board opens", async () => {
      const coach = callerFor(handle, club.coach);
      await coach.squads.setCoaches({ squadId: club.squadIds.field, coachIds: [secondCoach.userId] });
      await coach.squads.setCoaches({ squadId: club.squadIds.distance, coachIds: [club.coach.userId, secondCoach.userId] });
      expect(await callerFor(handle, secondCoach).squads.mine()).toEqual([club.squadIds.distance, club.squadIds.field]);
      expect(await coach.squads.mine()).toEqual([club.squadIds.distance]);
      const list = await coach.squads.list();
      expect(list.find((s) => s.id === club.squadIds.field)?.coaches.map((c) => c.name)).toEqual(["Second Coach"]);
      expect(list.find((s) => s.id === club.squadIds.field)?.mine).toBe(false);
      // Reassigning replaces the coaches and leaves the squad's athletes alone.
      await coach.squads.setCoaches({ squadId: club.squadIds.distance, coachIds: [club.coach.userId] });
      expect(await callerFor(handle, secondCoach).squads.mine()).toEqual([club.squadIds.field]);
      const athletesInDistance = await handle.db
        .select()
        .from(squadMemberships)
        .where(and(eq(squadMemberships.squadId, club.squadIds.distance), eq(squadMemberships.userId, club.athlete.userId)));
      expect(athletesInDistance.length).toBe(1);
      expect(await fieldErrorsOf(coach.squads.setCoaches({ squadId: club.squadIds.field, coachIds: [club.physio.userId] }))).toHaveProperty("coachIds");
      expect(await fieldErrorsOf(coach.squads.setCoaches({ squadId: club.squadIds.field, coachIds: [other.coach.userId] }))).toHaveProperty("coachIds");
    });

    it("an athlete in two squads stays on the board of the other when one is archived", async () => {
      const coach = callerFor(handle, club.coach);
      const { squadId } = await coach.squads.create({ name: "Hills", kind: "distance" });
      await coach.roster.move({ athleteId: club.athlete.athleteId!, squadIds: [club.squadIds.distance, squadId] });
      await coach.squads.setArchived({ squadId, archived: true });
      const rows = await coach.board.rows({ squadIds: [club.squadIds.distance] });
      expect(rows.map((r) => r.athlete.id)).toContain(club.athlete.athleteId);
      expect((await coach.roster.get({ athleteId: club.athlete.athleteId! })).squadIds).toEqual(expect.arrayContaining([club.squadIds.distance, squadId]));
    });
  });

  describe("staff", () => {
    it("lists staff with their status; a pending invite is reissued (old link dead) or revoked (email free again)", async () => {
      const coach = callerFor(handle, club.coach);
      const first = await coach.staff.invite({ name: "Pat Physio", email: "pat@admin.test", role: "physio" });
      const pending = (await coach.staff.list()).find((s) => s.email === "pat@admin.test");
      expect(pending).toMatchObject({ status: "invited", role: "physio" });
      expect(pending?.inviteExpiresAt).toEqual(first.expiresAt);
      expect((await coach.staff.list()).find((s) => s.id === club.coach.userId)?.status).toBe("active");

      const again = await coach.staff.reissueInvite({ userId: pending!.id });
      expect(again.invitePath).not.toBe(first.invitePath);
      expect((await publicCaller().invite.lookup({ token: first.invitePath.replace("/invite/", "") })).state).toBe("expired");
      expect((await publicCaller().invite.lookup({ token: again.invitePath.replace("/invite/", "") })).state).toBe("valid");

      await coach.staff.revokeInvite({ userId: pending!.id });
      expect((await coach.staff.list()).some((s) => s.email === "pat@admin.test")).toBe(false);
      expect((await publicCaller().invite.lookup({ token: again.invitePath.replace("/invite/", "") })).state).toBe("unknown");
      await coach.staff.invite({ name: "Pat Physio", email: "pat@admin.test", role: "physio" });
    });

    it("refuses to reissue or revoke for someone who signed up, or another club's person", async () => {
      const coach = callerFor(handle, club.coach);
      expect(await codeOf(coach.staff.revokeInvite({ userId: club.physio.userId }))).toBe("NOT_FOUND");
      expect(await codeOf(coach.staff.reissueInvite({ userId: other.physio.userId }))).toBe("NOT_FOUND");
    });

    it("only the owner invites-or-revokes coaches' invites and changes roles; the change ends the person's sessions", async () => {
      const { invitePath } = await callerFor(handle, owner).staff.invite({ name: "Cora Coach", email: "cora@admin.test", role: "coach" });
      expect(invitePath).toMatch(/^\/invite\//);
      const cora = (await callerFor(handle, owner).staff.list()).find((s) => s.email === "cora@admin.test")!;
      expect(await codeOf(callerFor(handle, secondCoach).staff.revokeInvite({ userId: cora.id }))).toBe("FORBIDDEN");

      const before = (await getSessionRecord(handle.db, club.physio.userId))!.sessionVersion;
      expect(await codeOf(callerFor(handle, secondCoach).staff.changeRole({ userId: club.physio.userId, role: "coach" }))).toBe("FORBIDDEN");
      await callerFor(handle, owner).staff.changeRole({ userId: club.physio.userId, role: "coach" });
      const after = (await getSessionRecord(handle.db, club.physio.userId))!;
      expect(after.role).toBe("coach");
      expect(after.sessionVersion).toBe(before + 1);
      await callerFor(handle, owner).staff.changeRole({ userId: club.physio.userId, role: "physio" });
      expect(await codeOf(callerFor(handle, owner).staff.changeRole({ userId: club.coach.userId, role: "physio" }))).toBe("BAD_REQUEST");
      expect(await codeOf(callerFor(handle, owner).staff.changeRole({ userId: other.physio.userId, role: "coach" }))).toBe("NOT_FOUND");
      expect(await codeOf(callerFor(handle, owner).staff.changeRole({ userId: club.athlete.userId, role: "coach" }))).toBe("NOT_FOUND");
    });

    it("removing a staff member ends their sessions at once; the owner cannot be removed", async () => {
      const [temp] = await handle.db
        .insert(users)
        .values({ organisationId: club.organisationId, role: "physio", name: "Temp Physio", email: "temp@admin.test", passwordHash: "x" })
        .returning();
      const before = (await getSessionRecord(handle.db, temp!.id))!.sessionVersion;
      await callerFor(handle, club.coach).staff.remove({ userId: temp!.id });
      const after = (await getSessionRecord(handle.db, temp!.id))!;
      expect(after).toMatchObject({ active: false, sessionVersion: before + 1 });
      expect(await codeOf(callerFor(handle, secondCoach).staff.remove({ userId: club.coach.userId }))).toBe("NOT_FOUND");
    });
  });

  describe("the club always keeps an owner", () => {
    it("the database refuses to clear, archive or delete the last owner", async () => {
      const refused = (p: Promise<unknown>) => p.then(() => "written", (e: unknown) => (String((e as { cause?: unknown }).cause ?? e).match(/keep an owner/) ? "refused" : String(e)));
      expect(await refused(handle.db.update(users).set({ isOwner: false }).where(eq(users.id, owner.userId)))).toBe("refused");
      expect(await refused(handle.db.update(users).set({ archivedAt: NOW }).where(eq(users.id, owner.userId)))).toBe("refused");
      expect(await refused(handle.db.delete(users).where(eq(users.id, owner.userId)))).toBe("refused");
      expect((await handle.db.select().from(users).where(eq(users.id, owner.userId)))[0]).toMatchObject({ isOwner: true, archivedAt: null });
    });

    it("transfers ownership to a coach with a password, never to a physio or another club's coach", async () => {
      const ownerCaller = callerFor(handle, owner);
      expect(await fieldErrorsOf(ownerCaller.club.transferOwnership({ userId: club.physio.userId }))).toHaveProperty("userId");
      expect(await fieldErrorsOf(ownerCaller.club.transferOwnership({ userId: other.coach.userId }))).toHaveProperty("userId");
      expect(await codeOf(callerFor(handle, secondCoach).club.transferOwnership({ userId: secondCoach.userId }))).toBe("FORBIDDEN");
      await ownerCaller.club.transferOwnership({ userId: secondCoach.userId });
      const rows = await handle.db.select({ id: users.id, isOwner: users.isOwner }).from(users).where(eq(users.organisationId, club.organisationId));
      expect(rows.filter((r) => r.isOwner).map((r) => r.id)).toEqual([secondCoach.userId]);
      // Back again, so the tests below keep their owner.
      await callerFor(handle, { ...secondCoach, isOwner: true }).club.transferOwnership({ userId: owner.userId });
      expect((await getSessionRecord(handle.db, owner.userId))!.isOwner).toBe(true);
    });

    it("removing a whole club (the demo, by its operator) is allowed and touches no other club", async () => {
      const gone = await makeClub(handle, "Doomed Club");
      await handle.db.update(users).set({ isOwner: true }).where(eq(users.id, gone.coach.userId));
      const [row] = await handle.db.select({ slug: organisations.slug }).from(organisations).where(eq(organisations.id, gone.organisationId));
      expect(await deleteClubBySlug(handle.db, row!.slug)).toBe(true);
      expect((await handle.db.select().from(users).where(eq(users.organisationId, gone.organisationId))).length).toBe(0);
      expect((await handle.db.select().from(users).where(eq(users.organisationId, club.organisationId))).length).toBeGreaterThan(3);
    });
  });

  describe("club settings", () => {
    const settings = {
      name: "Admin Club AC",
      timeZone: "America/New_York",
      locale: "en-US",
      weekStartsOn: 7,
      physioSecondFactorRequired: false,
      physioGaitNotes: false,
      visaHIntervalDays: 21,
      painGreenMax: 2,
      painAmberMax: 4,
      weeklyGreenMaxPct: 10,
    };

    it("staff read them; only the owner writes; engine defaults reach the engine and re-assess the club", async () => {
      expect(await callerFor(handle, club.physio).club.settings()).toMatchObject({ name: "Admin Club", canEdit: false, visaHIntervalDays: 14 });
      expect(await codeOf(callerFor(handle, secondCoach).club.update(settings))).toBe("FORBIDDEN");
      expect(await codeOf(callerFor(handle, club.physio).club.update(settings))).toBe("FORBIDDEN");
      const result = await callerFor(handle, owner).club.update(settings);
      expect(result.reassessed).toBeGreaterThanOrEqual(1);
      expect(await callerFor(handle, owner).club.settings()).toMatchObject({ ...settings, canEdit: true, owner: { id: owner.userId } });
      const calendar = await readClubCalendar(handle.db, club.organisationId);
      expect(calendar).toMatchObject({ timeZone: "America/New_York", weekStartsOn: 7 });
      // Only what differs from the engine's defaults is stored.
      expect(calendar.engineThresholds).toEqual({ visaH: { reminderIntervalDays: 21 }, pain: { pht: { greenMax: 2, amberMax: 4 } } });
      // Another club is untouched.
      expect((await readClubCalendar(handle.db, other.organisationId)).engineThresholds).toBeNull();
      // Saving the same settings again re-assesses nobody.
      expect((await callerFor(handle, owner).club.update(settings)).reassessed).toBe(0);
    });

    it("keeps the check-in reminder choice when an update leaves it out, and changes it when given", async () => {
      await callerFor(handle, owner).club.update({ ...settings, checkInReminderEmails: true });
      expect((await callerFor(handle, owner).club.settings()).checkInReminderEmails).toBe(true);
      await callerFor(handle, owner).club.update(settings);
      expect((await callerFor(handle, owner).club.settings()).checkInReminderEmails).toBe(true);
      await callerFor(handle, owner).club.update({ ...settings, checkInReminderEmails: false });
      expect((await callerFor(handle, owner).club.settings()).checkInReminderEmails).toBe(false);
    });

    it("refuses settings out of range, naming the field", async () => {
      expect(await fieldErrorsOf(callerFor(handle, owner).club.update({ ...settings, visaHIntervalDays: 2 }))).toHaveProperty("visaHIntervalDays");
      expect(await fieldErrorsOf(callerFor(handle, owner).club.update({ ...settings, painAmberMax: 1 }))).toHaveProperty("painAmberMax");
      expect(await fieldErrorsOf(callerFor(handle, owner).club.update({ ...settings, weekStartsOn: 9 }))).toHaveProperty("weekStartsOn");
    });
  });

  describe("accounts", () => {
    it("everyone changes their own name", async () => {
      await callerFor(handle, club.physio).account.changeName({ name: "Phoebe Physio" });
      expect((await callerFor(handle, club.physio).me.viewer()).name).toBe("Phoebe Physio");
    });

    it("changes email only through the link, which works once and ends every session", async () => {
      const physio = callerFor(handle, club.physio);
      expect(await fieldErrorsOf(physio.account.requestEmailChange({ email: "phoebe@new.test", currentPassword: "wrong password" }))).toHaveProperty("currentPassword");
      expect(await fieldErrorsOf(physio.account.requestEmailChange({ email: "second-coach@admin.test", currentPassword: password }))).toHaveProperty("email");
      const stale = await physio.account.requestEmailChange({ email: "phoebe@old-request.test", currentPassword: password });
      const { confirmPath, email } = await physio.account.requestEmailChange({ email: "Phoebe@New.test", currentPassword: password });
      expect(email).toBe("phoebe@new.test");
      const token = confirmPath.replace("/confirm-email/", "");
      expect((await publicCaller().emailChange.lookup({ token: stale.confirmPath.replace("/confirm-email/", "") })).state).toBe("expired");
      expect(await publicCaller().emailChange.lookup({ token })).toMatchObject({ state: "valid", email: "phoebe@new.test" });
      const before = (await getSessionRecord(handle.db, club.physio.userId))!.sessionVersion;
      expect((await handle.db.select().from(users).where(eq(users.id, club.physio.userId)))[0]!.email).not.toBe("phoebe@new.test");

      await publicCaller().emailChange.confirm({ token });
      expect((await handle.db.select().from(users).where(eq(users.id, club.physio.userId)))[0]!.email).toBe("phoebe@new.test");
      expect((await getSessionRecord(handle.db, club.physio.userId))!.sessionVersion).toBe(before + 1);
      expect(await codeOf(publicCaller().emailChange.confirm({ token }))).toBe("NOT_FOUND");
      expect(await authenticate(handle.db, { email: "phoebe@new.test", password }, { now: NOW, key: TEST_SECOND_FACTOR_KEY })).not.toBeNull();
    });

    it("an address that cannot be used, after the right password, is not a failed attempt (only the password check is throttled)", async () => {
      const coach = callerFor(handle, club.coach);
      for (let i = 0; i < 3; i += 1) {
        expect(await fieldErrorsOf(coach.account.requestEmailChange({ email: "second-coach@admin.test", currentPassword: password }))).toHaveProperty("email");
      }
      expect(await handle.db.select().from(authThrottles).where(eq(authThrottles.key, `password-change:${club.coach.userId}`))).toEqual([]);
    });

    it("signs out of every device", async () => {
      const before = (await getSessionRecord(handle.db, club.coach.userId))!.sessionVersion;
      await callerFor(handle, club.coach).account.signOutEverywhere();
      expect((await getSessionRecord(handle.db, club.coach.userId))!.sessionVersion).toBe(before + 1);
    });

    it("an athlete edits their own profile, conditions included; the physio sees them", async () => {
      const athlete = callerFor(handle, club.athlete);
      await athlete.me.updateProfile({ eventOrSport: "Trail", birthYear: 1990, sex: "female", preInjuryWeeklyKm: 40, previousHamstringInjury: true, conditions: ["diabetes"] });
      expect(await athlete.me.profile()).toMatchObject({ eventOrSport: "Trail", birthYear: 1990, conditions: ["diabetes"] });
      expect((await callerFor(handle, club.physio).episodes.clinicalProfile({ athleteId: club.athlete.athleteId! })).conditions).toEqual(["diabetes"]);
      expect(await codeOf(callerFor(handle, club.coach).me.updateProfile({ eventOrSport: "x", birthYear: null, sex: "unspecified", preInjuryWeeklyKm: null, previousHamstringInjury: false, conditions: [] }))).toBe("FORBIDDEN");
      // Another athlete's own edit touches only their own profile.
      const mate = await addAthlete(handle, club, "Mate Runner");
      await callerFor(handle, mate).me.updateProfile({ eventOrSport: "Sprint", birthYear: null, sex: "unspecified", preInjuryWeeklyKm: null, previousHamstringInjury: false, conditions: [] });
      expect((await athlete.me.profile()).eventOrSport).toBe("Trail");
    });
  });

  it("invites of a deleted staff member are gone with them", async () => {
    const left = await handle.db.select().from(invites).innerJoin(users, eq(users.id, invites.userId)).where(eq(users.email, "pat@admin.test"));
    expect(left.length).toBe(1);
  });
});
