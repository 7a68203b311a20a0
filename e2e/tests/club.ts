import { randomBytes } from "node:crypto";
import { request as playwrightRequest, type APIRequestContext, type TestInfo } from "@playwright/test";
import { authFile, type Role } from "./fixtures";

/*
 * Specs create the athletes and records they change, through the app's own API, so each spec
 * passes alone, in any order and under --repeat-each. Seeded demo data is only read.
 */

/** A tRPC client for one role, signed in with the session saved by the setup project. */
export async function apiAs(testInfo: TestInfo, role: Role): Promise<Api> {
  const baseURL = testInfo.project.use.baseURL;
  if (!baseURL) throw new Error("e2e projects set a baseURL");
  const context = await playwrightRequest.newContext({
    baseURL,
    storageState: authFile(testInfo, role),
    // The browser would send these on a same-site call; the API refuses cross-site writes.
    extraHTTPHeaders: { origin: new URL(baseURL).origin, "sec-fetch-site": "same-origin", "x-trpc-source": "e2e" },
  });
  return new Api(context);
}

export class Api {
  constructor(readonly context: APIRequestContext) {}

  async query<T>(path: string, input?: unknown): Promise<T> {
    const search = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
    return this.read<T>(path, await this.context.get(`/api/trpc/${path}${search}`));
  }

  async mutate<T>(path: string, input: unknown): Promise<T> {
    return this.read<T>(path, await this.context.post(`/api/trpc/${path}`, { data: { json: input } }));
  }

  dispose() {
    return this.context.dispose();
  }

  private async read<T>(path: string, response: Awaited<ReturnType<APIRequestContext["get"]>>): Promise<T> {
    const body = (await response.json()) as { result?: { data?: { json?: T } }; error?: unknown };
    if (!response.ok() || !body.result) throw new Error(`${path} failed (${response.status()}): ${JSON.stringify(body.error)}`);
    return body.result.data?.json as T;
  }
}

export const NEW_ATHLETE_PASSWORD = "e2e-athlete-password";

export interface NewAthlete {
  athleteId: string;
  name: string;
  email: string;
  password: string;
}

/** A unique name each call, so repeated runs never meet a record an earlier run changed. */
export function uniqueName(first: string): string {
  return `${first} E2e${randomBytes(3).toString("hex")}`;
}

/** An athlete added by the demo coach to one squad and, with `account`, signed up through the invite. */
export async function newAthlete(testInfo: TestInfo, options: { squad?: string; account?: boolean; first?: string } = {}): Promise<NewAthlete> {
  const coach = await apiAs(testInfo, "coach");
  try {
    const squads = await coach.query<{ id: string; name: string }[]>("roster.squads");
    const squad = squads.find((s) => s.name === (options.squad ?? "Distance"));
    if (!squad) throw new Error(`no squad ${options.squad ?? "Distance"}`);
    const name = uniqueName(options.first ?? "Robin");
    const email = `${name.toLowerCase().replace(/\W+/g, ".")}@loadline.test`;
    const added = await coach.mutate<{ invitePath: string }>("roster.add", {
      name,
      email,
      squadIds: [squad.id],
      eventOrSport: "5,000 m",
      birthYear: null,
      sex: "unspecified",
      preInjuryWeeklyKm: null,
      previousHamstringInjury: false,
    });
    // The answer carries no id (it must look the same for an email known in another club).
    const roster = await coach.query<{ id: string; email: string }[]>("roster.list", { includeArchived: false });
    const athleteId = roster.find((r) => r.email === email)?.id;
    if (!athleteId) throw new Error(`${name} is not on the roster after roster.add`);
    if (options.account) {
      const token = added.invitePath.split("/").pop();
      await coach.mutate("invite.accept", { token, password: NEW_ATHLETE_PASSWORD, confirm: NEW_ATHLETE_PASSWORD });
    }
    return { athleteId, name, email, password: NEW_ATHLETE_PASSWORD };
  } finally {
    await coach.dispose();
  }
}

/** A tRPC client signed in as an athlete created by `newAthlete({ account: true })`. */
export async function apiSignedInAs(testInfo: TestInfo, athlete: NewAthlete): Promise<Api> {
  const baseURL = testInfo.project.use.baseURL!;
  const context = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { origin: new URL(baseURL).origin, "sec-fetch-site": "same-origin" } });
  const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const signIn = await context.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: athlete.email, password: athlete.password, callbackUrl: `${baseURL}/me` },
    maxRedirects: 0,
  });
  if (signIn.status() >= 400) throw new Error(`sign-in as ${athlete.email} failed (${signIn.status()})`);
  return new Api(context);
}

/** The athlete answers a red-flag question in a morning check-in, which escalates to the physio. */
export async function logRedFlagCheckIn(testInfo: TestInfo, athlete: NewAthlete, at: Date): Promise<void> {
  const api = await apiSignedInAs(testInfo, athlete);
  try {
    await api.mutate("checkIns.create", {
      idempotencyKey: `e2e-${randomBytes(8).toString("hex")}`,
      at: at.toISOString(),
      morningPain: 3,
      redFlags: ["night_pain_waking"],
    });
  } finally {
    await api.dispose();
  }
}

/**
 * The e2e suite drives a production server, which runs on the wall clock; this is the one place
 * a spec reads it (every other test passes a fixed clock).
 */
export function serverNow(): Date {
  // eslint-disable-next-line no-restricted-properties -- see above
  return new Date(Date.now());
}

/** The demo physio opens an injury episode for the athlete and writes plan version 1 in phase 1. */
export async function startRehab(testInfo: TestInfo, athleteId: string): Promise<void> {
  const physio = await apiAs(testInfo, "physio");
  try {
    const viewer = await physio.query<{ id: string }>("me.viewer");
    await physio.mutate("episodes.open", {
      athleteId,
      episode: {
        side: "right",
        onsetDate: "2026-01-05",
        onsetType: "gradual",
        suspectedTriggers: ["mileage_jump"],
        diagnosisMethod: "clinical",
        differentialsExcluded: [],
        owningClinicianId: viewer.id,
        clinicalNotes: "",
      },
    });
    await physio.mutate("plans.save", {
      athleteId,
      baseVersion: 0,
      phase: 1,
      changeSummary: "First plan",
      body: {
        prescriptions: [
          { id: "bridge", exercise: "Double-leg bridge hold", category: "isometric", sets: 5, holdSeconds: 30, intensityPct: 70, sessionsPerWeek: 7, heavy: false, highTendonLoad: false },
        ],
        allowedActivities: [],
        forbiddenActivities: [],
        thresholds: {},
        returnToSportElements: [],
        notes: "Isometrics daily",
      },
    });
  } finally {
    await physio.dispose();
  }
}

/** The athlete logs a strength session that hurt (pain during 6/10: a red outcome, R1/R4). */
export async function logRedSession(testInfo: TestInfo, athlete: NewAthlete, at: Date): Promise<void> {
  const api = await apiSignedInAs(testInfo, athlete);
  try {
    await api.mutate("athleteLogs.logSession", {
      idempotencyKey: `e2e-${randomBytes(8).toString("hex")}`,
      at: at.toISOString(),
      type: "strength",
      minutes: 40,
      rpe: 6,
      painDuring: 6,
      asPrescribed: true,
    });
  } finally {
    await api.dispose();
  }
}
