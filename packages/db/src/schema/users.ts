import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, text, timestamp, unique } from "drizzle-orm/pg-core";
import { roles } from "@loadline/domain";
import { createdAt, id, organisationId } from "./columns";
import { organisations } from "./organisations";

/**
 * People who can sign in. Auth.js uses JWT sessions with the Credentials provider, so this is
 * the only table it needs: no adapter tables (accounts, sessions, verification tokens) exist.
 * `passwordHash` stays null until the person accepts their invite.
 */
export const users = pgTable(
  "users",
  {
    id: id(),
    organisationId: organisationId().references(() => organisations.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: text("role", { enum: roles }).notNull(),
    isOwner: boolean("is_owner").notNull().default(false),
    passwordHash: text("password_hash"),
    /**
     * Copied into each session token at sign-in; every request compares the two. Bumping it
     * (`endAllSessions`) ends every session of the user at once.
     */
    sessionVersion: integer("session_version").notNull().default(0),
    /**
     * Second factor (staff): the TOTP secret sealed with a key derived from AUTH_SECRET
     * (AES-256-GCM), set once confirmed; the pending one while enrolling; the last accepted time
     * step (a code is accepted once); SHA-256 hashes of the unused recovery codes.
     */
    totpSecret: text("totp_secret"),
    totpPendingSecret: text("totp_pending_secret"),
    totpLastStep: integer("totp_last_step"),
    totpEnabledAt: timestamp("totp_enabled_at", { withTimezone: true }),
    recoveryCodeHashes: text("recovery_code_hashes").array().notNull().default(sql`'{}'::text[]`),
    createdAt: createdAt(),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
  },
  (t) => [
    unique("users_email_key").on(t.email),
    // Target of composite foreign keys: a child row's organisation must be its parent's.
    unique("users_org_id_key").on(t.organisationId, t.id),
    index("users_org_role_idx").on(t.organisationId, t.role),
    check("users_role_check", sql`${t.role} in ('coach', 'physio', 'athlete')`),
    check("users_email_lower_check", sql`${t.email} = lower(${t.email})`),
    check("users_owner_is_staff_check", sql`not ${t.isOwner} or ${t.role} <> 'athlete'`),
  ],
);
