import type { Queryable } from '../platform/db.js';

/** The booking master secret kept in the database when BOOKING_SECRET is not configured (keys.ts). */

/** Stores `value` as the master secret unless one is stored already, and returns the stored one. */
export async function ensureMasterSecret(q: Queryable, value: string): Promise<string> {
  await q.query("INSERT INTO booking_secrets (name, value) VALUES ('master', $1) ON CONFLICT (name) DO NOTHING", [value]);
  const { rows } = await q.query<{ value: string }>("SELECT value FROM booking_secrets WHERE name = 'master'");
  return rows[0]!.value;
}

export async function hasMasterSecret(q: Queryable): Promise<boolean> {
  const { rows } = await q.query("SELECT 1 FROM booking_secrets WHERE name = 'master'");
  return rows.length > 0;
}
