import { z } from "zod";
import { noteInputSchema, DomainError } from "@loadline/domain";
import { pushAfterCommit } from "../push/push-sender";
import { addNote, readNoteThread } from "../services/notes";
import { markRead, notificationCentre } from "../services/notifications";
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
    .mutation(({ ctx, input }) => addNote(ctx.db, ctx.actor, ctx.now, input, pushAfterCommit(ctx))),
});

/** Every signed-in user's own notifications; nobody reads another's. */
const ownProcedure = protectedProcedure.use(({ ctx, next }) => inOrganisationScope(ctx, (scoped) => next({ ctx: scoped })));

export const notificationsRouter = router({
  /**
   * The caller's notification centre: mentions, an athlete's open reminders (check-in, VISA-H)
   * and a staff member's new alerts, each read or unread.
   */
  list: ownProcedure.query(({ ctx }) => notificationCentre(ctx.db, ctx.actor, ctx.now)),

  /** Mark the named notifications read, or all of them when none is named. */
  markRead: ownProcedure
    .input(
      z.object({
        ids: z.array(z.uuid("Unknown notification")).max(100, "Mark at most 100 at a time").optional(),
        alertIds: z.array(z.uuid("Unknown alert")).max(100, "Mark at most 100 at a time").optional(),
        reminderKinds: z.array(z.enum(["morning_check_in", "visa_h_due"], { error: "Unknown reminder" })).max(2, "Unknown reminder").optional(),
      }),
    )
    .mutation(({ ctx, input }) => markRead(ctx.db, ctx.actor, ctx.now, input)),
});
