import { z } from "zod";
import { getAdjunct, getOpenEpisode, insertAdjunct, listAdjuncts, setAdjunctRestrictions } from "@loadline/db";
import { adjunctLabels as L, adjunctTreatmentKinds, adjunctTreatmentLabels, assertDateInRange, dateTimeInput, plainText, progressionPausingAdjuncts, sides, titleText, DomainError } from "@loadline/domain";
import { afterClinicalWrite } from "../services/assessments";
import { clinicalSubject, recordAudit } from "../services/audit";
import { procedureFor, router } from "../trpc";

const adjunctInput = z.object({
  athleteId: z.uuid({ error: `${L.athleteId}: choose an athlete` }),
  at: dateTimeInput(L.at),
  kind: z.enum(adjunctTreatmentKinds, { error: `${L.kind}: choose one of the options` }),
  side: z.enum(sides).nullable().default(null),
  parameters: plainText(L.parameters, { max: 500, multiline: true }).default(""),
  provider: titleText(L.provider).default(""),
  restrictions: plainText(L.restrictions, { max: 1000, multiline: true }).nullable().default(null),
});

const pauses = (kind: string) => (progressionPausingAdjuncts as readonly string[]).includes(kind);

export const adjunctsRouter = router({
  list: procedureFor("episode.read")
    .input(z.object({ athleteId: z.uuid({ error: "athleteId must be an id" }) }))
    .query(async ({ ctx, input }) => {
      const athlete = await clinicalSubject(ctx.db, ctx.actor, "episode.read", input.athleteId);
      const rows = await listAdjuncts(ctx.db, ctx.actor.organisationId, athlete.id);
      await recordAudit(ctx.db, ctx.actor, ctx.now, [
        { athleteId: athlete.id, action: "read", entity: "adjunct_treatment", detail: `Viewed ${rows.length} adjunct treatment(s)` },
      ], ctx.pageViewId ?? null);
      // R22: an injection or surgery without restrictions pauses automatic progression.
      return rows.map((r) => ({ ...r, pausesProgression: pauses(r.kind) && !r.restrictions?.trim() }));
    }),

  record: procedureFor("adjunct.write")
    .input(adjunctInput)
    .mutation(async ({ ctx, input }) => {
      const athlete = await clinicalSubject(ctx.db, ctx.actor, "adjunct.write", input.athleteId);
      assertDateInRange(input.at, ctx.now, "at", "past");
      const episode = await getOpenEpisode(ctx.db, ctx.actor.organisationId, athlete.id);
      const row = await insertAdjunct(
        ctx.db,
        ctx.actor.organisationId,
        { ...input, athleteId: athlete.id, episodeId: episode?.id ?? null, recordedById: ctx.actor.userId },
        ctx.now,
      );
      await recordAudit(ctx.db, ctx.actor, ctx.now, [
        { athleteId: athlete.id, action: "write", entity: "adjunct_treatment", entityId: row.id, detail: `Recorded a treatment: ${adjunctTreatmentLabels[input.kind]}` },
      ]);
      await afterClinicalWrite(ctx.db, ctx.actor.organisationId, [athlete.id], ctx.now);
      return { ...row, pausesProgression: pauses(row.kind) && !row.restrictions };
    }),

  /** Enter restrictions after a treatment; for injections and surgery this lifts the R22 pause. */
  enterRestrictions: procedureFor("adjunct.write")
    .input(
      z.object({
        adjunctId: z.uuid({ error: "adjunctId must be an id" }),
        restrictions: plainText(L.restrictions, { max: 1000, min: 1, multiline: true }),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const existing = await getAdjunct(ctx.db, ctx.actor.organisationId, input.adjunctId);
      if (!existing) throw new DomainError("not_found", "No such treatment in your club.");
      const row = await setAdjunctRestrictions(ctx.db, ctx.actor.organisationId, existing.id, input.restrictions, ctx.now);
      await recordAudit(ctx.db, ctx.actor, ctx.now, [
        { athleteId: existing.athleteId, action: "write", entity: "adjunct_treatment", entityId: existing.id, detail: existing.restrictions ? "Changed restrictions" : "Entered restrictions" },
      ]);
      await afterClinicalWrite(ctx.db, ctx.actor.organisationId, [existing.athleteId], ctx.now);
      return row;
    }),
});
