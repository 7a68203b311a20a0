import { z } from "zod";
import { changeEmailSchema, changeNameSchema, changePasswordSchema, disableSecondFactorSchema, mayUseSecondFactor, secondFactorRequired, totpCodeSchema } from "@loadline/domain";
import { changeOwnName, signOutEverywhere } from "../services/account";
import {
  beginOwnSecondFactor,
  changeOwnPassword,
  confirmOwnSecondFactor,
  disableOwnSecondFactor,
  ownSecondFactor,
  requestOwnEmailChange,
} from "../services/own-credentials";
import { protectedProcedure, router } from "../trpc";

export const accountRouter = router({
  /**
   * Change one's own password. The current password is required (and throttled like a sign-in);
   * every session of the user ends, this one included: the web action signs in again with the
   * new password, so only other devices are signed out.
   */
  changePassword: protectedProcedure.input(changePasswordSchema).mutation(({ ctx, input }) => changeOwnPassword(ctx, input)),

  changeName: protectedProcedure.input(changeNameSchema).mutation(({ ctx, input }) => changeOwnName(ctx.db, ctx.actor, input.name)),

  /**
   * Ask to move the account to a new email: the current password is required (and throttled);
   * the change happens when the confirmation link is opened.
   */
  requestEmailChange: protectedProcedure
    .input(changeEmailSchema.extend({ currentPassword: z.string({ error: "Enter your current password" }).min(1, "Enter your current password").max(200) }))
    .mutation(({ ctx, input }) => requestOwnEmailChange(ctx, input)),

  /** Sign out of every device at once, this one included. */
  signOutEverywhere: protectedProcedure.mutation(({ ctx }) => signOutEverywhere(ctx.db, ctx.actor)),

  /** Is a second factor set up, and does the club require one of this user? */
  secondFactor: protectedProcedure.query(async ({ ctx }) => {
    if (!mayUseSecondFactor(ctx.actor.role)) return { available: false as const };
    const record = await ownSecondFactor(ctx.db, ctx.actor);
    return {
      available: true as const,
      enabled: record.enabledAt !== null,
      enabledAt: record.enabledAt,
      required: secondFactorRequired(record.role, record),
      recoveryCodesLeft: record.recoveryCodesLeft,
    };
  }),

  /** Start enrolling: a new secret (kept pending) to add to an authenticator app. */
  beginSecondFactor: protectedProcedure.mutation(({ ctx }) => beginOwnSecondFactor(ctx)),

  /** Finish enrolling with a code from the app; answers the recovery codes, shown this once. */
  confirmSecondFactor: protectedProcedure.input(totpCodeSchema).mutation(({ ctx, input }) => confirmOwnSecondFactor(ctx, input)),

  /** Turn the second factor off (password required); not while the club requires it. */
  disableSecondFactor: protectedProcedure.input(disableSecondFactorSchema).mutation(({ ctx, input }) => disableOwnSecondFactor(ctx, input)),
});
