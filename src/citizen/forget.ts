import type { ServiceContext } from '../platform/context.js';
import * as repo from './repository.js';
import { parseDestination, type CitizenView, type ContactKind } from './schemas.js';
import { citizenErrors } from './errors.js';
import { getCitizenView, type CitizenSession } from './sign-in.js';

/**
 * The citizen's side of UU PDP: withdraw a phone number or email from "Layanan saya", or delete the
 * account altogether. Whatever Layan holds under a removed destination for messaging (unused codes,
 * ticket follows) goes with it. Records other domains keep for their own duty (a complaint, a booking)
 * are not the account's and stay where they are; they are only no longer linked to this citizen.
 */
/**
 * Removes one verified contact. The last one cannot go (the account would be unreachable): delete
 * the account instead.
 * @throws AppError contact_not_found (404), last_contact (409), citizen_unauthenticated (401)
 */
export async function removeContact(ctx: ServiceContext, input: { session: CitizenSession; contact: { kind: ContactKind; value: string } }): Promise<CitizenView> {
  const { db } = ctx;
  const { session, contact } = input;
  const d = parseDestination(contact.value);
  if (!d || d.kind !== contact.kind) throw citizenErrors.contact_not_found();
  await db.transaction(async (tx) => {
    if (!(await repo.lockCitizen(tx, session.citizenId))) throw citizenErrors.citizen_unauthenticated();
    const citizen = await repo.findCitizen(tx, session.citizenId);
    const held = citizen?.contacts.some((c) => c.kind === d.kind && c.value === d.value);
    if (!held) throw citizenErrors.contact_not_found();
    if (citizen!.contacts.length <= 1) throw citizenErrors.last_contact();
    await repo.deleteContact(tx, session.citizenId, d);
    await repo.forgetDestination(tx, d);
  });
  return getCitizenView(ctx, session);
}

/**
 * Deletes the account: the citizen, every contact, session and push subscription, and the codes and
 * ticket follows left under its contacts.
 * @throws AppError citizen_unauthenticated (401)
 */
export async function deleteAccount(ctx: ServiceContext, session: CitizenSession): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    if (!(await repo.lockCitizen(tx, session.citizenId))) throw citizenErrors.citizen_unauthenticated();
    const citizen = await repo.findCitizen(tx, session.citizenId);
    for (const c of citizen?.contacts ?? []) await repo.forgetDestination(tx, { kind: c.kind, value: c.value });
    await repo.deleteCitizen(tx, session.citizenId);
  });
}
