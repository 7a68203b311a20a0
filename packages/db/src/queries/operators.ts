import { eq, sql } from "drizzle-orm";
import type { Database } from "../client";
import { operators } from "../schema";

export interface OperatorRecord {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  sessionVersion: number;
}

/** Create an operator, or give an existing one a new password (ending their sessions). */
export async function upsertOperator(db: Database, operator: { email: string; name: string; passwordHash: string }): Promise<{ id: string }> {
  const [row] = await db
    .insert(operators)
    .values({ ...operator, email: operator.email.toLowerCase() })
    .onConflictDoUpdate({
      target: operators.email,
      set: { name: operator.name, passwordHash: operator.passwordHash, sessionVersion: sql`${operators.sessionVersion} + 1` },
    })
    .returning({ id: operators.id });
  if (!row) throw new Error("upsert operators returned nothing");
  return row;
}

export async function findOperatorByEmail(db: Database, email: string): Promise<OperatorRecord | null> {
  const [row] = await db.select().from(operators).where(eq(operators.email, email.toLowerCase())).limit(1);
  return row ?? null;
}

export async function getOperator(db: Database, id: string): Promise<Omit<OperatorRecord, "passwordHash"> | null> {
  const [row] = await db
    .select({ id: operators.id, email: operators.email, name: operators.name, sessionVersion: operators.sessionVersion })
    .from(operators)
    .where(eq(operators.id, id))
    .limit(1);
  return row ?? null;
}

export async function endOperatorSessions(db: Database, id: string): Promise<void> {
  await db
    .update(operators)
    .set({ sessionVersion: sql`${operators.sessionVersion} + 1` })
    .where(eq(operators.id, id));
}
