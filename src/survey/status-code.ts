import type { ServiceContext } from '../platform/context.js';
import { commonErrors } from '../platform/errors.js';
import { ensureTicketToken } from './queue-link.js';
import { findServedTicket, findTicketByStatusToken } from './queue-repository.js';
import * as repo from './repository.js';
import type { IssuedToken } from './schemas.js';
import { surveyErrors } from './service.js';
import { codeForStatusToken, hashCode } from './tokens.js';

export { codeForStatusToken };

/**
 * Gives the holder of a served ticket its one survey code. Idempotent: the same code each time
 * while unanswered. If a console had shown the ticket another fresh code, that one is replaced by
 * this one (either way only one answer per ticket is ever taken).
 * @throws AppError not_found (404) for an unknown status token, survey_not_served (409) while the
 *   ticket is not yet served, survey_ticket_not_served (409) for a no-show or cancelled ticket,
 *   survey_already_answered (409) once answered.
 */
export async function surveyCodeForTicketStatus(ctx: Pick<ServiceContext, 'db'>, input: { statusToken: string }): Promise<IssuedToken> {
  const { db } = ctx;
  const { statusToken } = input;
  return db.transaction(async (tx) => {
    const ticket = await findTicketByStatusToken(tx, statusToken);
    if (!ticket) throw commonErrors.not_found();
    if (ticket.status === 'no_show' || ticket.status === 'cancelled') throw surveyErrors.survey_ticket_not_served();
    const served = await findServedTicket(tx, { mppId: ticket.mpp_id, ticketId: ticket.id });
    if (!served) throw surveyErrors.survey_not_served();
    await ensureTicketToken(tx, ticket.mpp_id, ticket.id, served);
    const code = codeForStatusToken(statusToken);
    // Same value on a reload; the WHERE NOT responded refuses an answered ticket.
    const row = await repo.replaceTokenHash(tx, ticket.mpp_id, 'ticket', ticket.id, hashCode(code));
    if (!row) throw surveyErrors.survey_already_answered();
    return { token: code, surveyPath: `/survei/${code}`, served: true };
  });
}
