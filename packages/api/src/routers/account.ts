import { z } from "zod";
import { hashPassword, verifyPassword } from "@loadline/auth/password";
import { matchTotp, newRecoveryCodes, newTotpSecret, openSecret, sealSecret, secondFactorKey, totpUri } from "@loadline/auth/second-factor";
import { realSleep, throttledAttempt } from "@loadline/auth/throttle";
import {
  changeEmailSchema,
  changeNameSchema,
  changePasswordSchema,
  disableSecondFactorSchema,
  DomainError,
  mayUseSecondFactor,
  secondFactorRequired,
  totpCodeSchema,
  type Actor,
} from "@loadline/domain";
import { changePassword, disableTotp, enableTotp, getPasswordHash, getSecondFactor, setPendingTotpSecret, type Database } from "@loadline/db";
import type { Context } from "../context";
import { changeOwnName, requestEmailChange, signOutEverywhere } from "../services/account";
import { protectedProcedure, router } from "../trpc";

/** Second-factor procedures are for staff; the record of the signed-in user. */
async function secondFactorOf(ctx: Context & { actor: Actor }) {
  if (!mayUseSecondFactor(ctx.actor.role)) throw new DomainError("forbidden", "A second factor is for coaches and physios.");
  const record = await getSecondFactor(ctx.db, ctx.actor.organisationId, ctx.actor.userId);
  if (!record) throw new DomainError("unauthenticated", "Your account no longer exists.");
  return record;
}

/** The sealing key; `ctx.secondFactorKey` lets tests inject one. */
const keyOf = (ctx: Context): Buffer => ctx.secondFactorKey ?? secondFactorKey();

function throttleClock(ctx: Context) {
  return { now: ctx.now, sleep: ctx.sleep ?? realSleep };
}

async function assertPassword(db: Database, passwordHash: string | null, password: string, field: string) {
  if (!passwordHash || !(await verifyPassword(password, passwordHash))) {
    const message = "That is not your current password.";
    throw new DomainError("invalid", message, { [field]: [message] });
  }
}

export const accountRouter = router({
  /**
   * Change one's own password. The current password is required (and throttled like a sign-in);
   * every session of the user ends, this one included: the web action signs in again with the
   * new password, so only other devices are signed out.
   */
  changePassword: protectedProcedure.input(changePasswordSchema).mutation(async ({ ctx, input }) => {
    const { organisationId, userId } = ctx.actor;
    const key = `password-change:${userId}`;
    return throttledAttempt(ctx.db, { all: [key], clearOnSuccess: [key] }, throttleClock(ctx), async () => {
      const user = await getPasswordHash(ctx.db, organisationId, userId);
      if (!user) throw new DomainError("unauthenticated", "Your account no longer exists.");
      await assertPassword(ctx.db, user.passwordHash, input.currentPassword, "currentPassword");
      await changePassword(ctx.db, organisationId, userId, await hashPassword(input.newPassword));
      return { email: user.email };
    });
  }),

  changeName: protectedProcedure.input(changeNameSchema).mutation(({ ctx, input }) => changeOwnName(ctx.db, ctx.actor, input.name)),

  /**
   * Ask to move the account to a new email: the current password is required (and throttled);
   * the change happens when the confirmation link is opened.
   */
  requestEmailChange: protectedProcedure
    .input(changeEmailSchema.extend({ currentPassword: z.string({ error: "Enter your current password" }).min(1, "Enter your current password").max(200) }))
    .mutation(async ({ ctx, input }) => {
      const key = `password-change:${ctx.actor.userId}`;
      return throttledAttempt(ctx.db, { all: [key], clearOnSuccess: [key] }, throttleClock(ctx), async () => {
        const user = await getPasswordHash(ctx.db, ctx.actor.organisationId, ctx.actor.userId);
        if (!user) throw new DomainError("unauthenticated", "Your account no longer exists.");
        await assertPassword(ctx.db, user.passwordHash, input.currentPassword, "currentPassword");
        if (user.email === input.email) throw new DomainError("invalid", "This is already your email.", { email: ["This is already your email."] });
        return requestEmailChange(ctx.db, ctx.actor, ctx.now, input.email, ctx);
      });
    }),

  /** Sign out of every device at once, this one included. */
  signOutEverywhere: protectedProcedure.mutation(({ ctx }) => signOutEverywhere(ctx.db, ctx.actor)),

  /** Is a second factor set up, and does the club require one of this user? */
  secondFactor: protectedProcedure.query(async ({ ctx }) => {
    if (!mayUseSecondFactor(ctx.actor.role)) return { available: false as const };
    const record = await secondFactorOf(ctx);
    return {
      available: true as const,
      enabled: record.enabledAt !== null,
      enabledAt: record.enabledAt,
      required: secondFactorRequired(record.role, record),
      recoveryCodesLeft: record.recoveryCodesLeft,
    };
  }),

  /** Start enrolling: a new secret (kept pending) to add to an authenticator app. */
  beginSecondFactor: protectedProcedure.mutation(async ({ ctx }) => {
    const record = await secondFactorOf(ctx);
    if (record.enabledAt) throw new DomainError("conflict", "A second factor is already set up. Turn it off first to change it.");
    const secret = newTotpSecret();
    await setPendingTotpSecret(ctx.db, ctx.actor.organisationId, ctx.actor.userId, sealSecret(secret, keyOf(ctx)));
    return { secret, uri: totpUri(secret, record.email) };
  }),

  /** Finish enrolling with a code from the app; answers the recovery codes, shown this once. */
  confirmSecondFactor: protectedProcedure.input(totpCodeSchema).mutation(async ({ ctx, input }) => {
    const key = `second-factor:${ctx.actor.userId}`;
    return throttledAttempt(ctx.db, { all: [key], clearOnSuccess: [key] }, throttleClock(ctx), async () => {
      const record = await secondFactorOf(ctx);
      const sealed = record.totpPendingSecret;
      const secret = sealed ? openSecret(sealed, keyOf(ctx)) : null;
      if (!sealed || !secret) throw new DomainError("invalid", "Start the set-up again.", { code: ["Start the set-up again."] });
      const step = matchTotp(secret, input.code, ctx.now);
      if (step === null) throw new DomainError("invalid", "That code is not right. Check the time on your phone.", { code: ["That code is not right."] });
      const recovery = newRecoveryCodes();
      if (!(await enableTotp(ctx.db, ctx.actor.organisationId, ctx.actor.userId, { sealed, step, recoveryCodeHashes: recovery.hashes }, ctx.now))) {
        throw new DomainError("conflict", "The set-up changed meanwhile. Start again.");
      }
      return { recoveryCodes: recovery.codes };
    });
  }),

  /** Turn the second factor off (password required); not while the club requires it. */
  disableSecondFactor: protectedProcedure.input(disableSecondFactorSchema).mutation(async ({ ctx, input }) => {
    const key = `password-change:${ctx.actor.userId}`;
    return throttledAttempt(ctx.db, { all: [key], clearOnSuccess: [key] }, throttleClock(ctx), async () => {
      const record = await secondFactorOf(ctx);
      if (secondFactorRequired(record.role, record)) throw new DomainError("forbidden", "Your club requires a second factor for physios.");
      await assertPassword(ctx.db, record.passwordHash, input.password, "password");
      await disableTotp(ctx.db, ctx.actor.organisationId, ctx.actor.userId);
      return { email: record.email };
    });
  }),
});
