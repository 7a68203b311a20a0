import { z } from "zod";
import { noteInputSchema, DomainError } from "@loadline/domain";
import { listNotifications, markNotificationsRead } from "@loadline/db";
import { addNote, readNoteThread } from "../services/notes";
import { remindersFor } from "../services/reminders";
import { procedureFor, protectedProcedure, router } from "../trpc";
import { inOrganisationScope } from "../tenant-scope";

const athleteId = z.uuid({ error: "athleteId must be an id" });

export const notesRouter = router({
  /** The thread about an athlete (an athlete reads their own: the shared notes). */
  thread: procedureFor("athleteNote.read")
    .input(z.object({ athleteId: athleteId.optional() }))
    .query(({ ctx, input }) => {
      const subject = ctx.actor.role === "athlete" ? (input.athleteId ?? ctx.actor.athleteId) : input.athleteId;
      if (!subject) throw new DomainError("invalid", "athleteId is required", { athleteId: ["athleteId is required"] });
      return readNoteThread(ctx.db, ctx.actor, subject, ctx.now);
    }),

  add: procedureFor("athleteNote.write")
    .input(noteInputSchema.extend({ athleteId }))
    .mutation(({ ctx, input }) => addNote(ctx.db, ctx.actor, ctx.now, input)),
});

/** Every signed-in user's own notifications; nobody reads another's. */
const ownProcedure = protectedProcedure.use(({ ctx, next }) => inOrganisationScope(ctx, (scoped) => next({ ctx: scoped })));

export const notificationsRouter = router({
  /** Stored notifications (mentions) with read state, and an athlete's open reminders (check-in, VISA-H). */
  list: ownProcedure.query(async ({ ctx }) => {
    const [stored, reminders] = await Promise.all([
      listNotifications(ctx.db, ctx.actor.organisationId, ctx.actor.userId),
      remindersFor(ctx.db, ctx.actor, ctx.now),
    ]);
    return { ...stored, reminders };
  }),

  markRead: ownProcedure
    .input(z.object({ ids: z.array(z.uuid("Unknown notification")).max(100, "Mark at most 100 at a time").optional() }))
    .mutation(async ({ ctx, input }) => ({
      marked: await markNotificationsRead(ctx.db, ctx.actor.organisationId, ctx.actor.userId, input.ids ?? null, ctx.now),
    })),
});
