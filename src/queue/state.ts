import { invalidTransition } from '../platform/errors.js';

export const TICKET_STATUSES = ['waiting', 'called', 'serving', 'parked', 'served', 'no_show', 'cancelled'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const TICKET_ACTIONS = ['call', 'recall', 'start', 'finish', 'no_show', 'transfer', 'cancel', 'park', 'unpark', 'undo_no_show'] as const;
export type TicketAction = (typeof TICKET_ACTIONS)[number];

/** The event row each action writes. */
export const EVENT_OF: Record<TicketAction, string> = {
  call: 'called',
  recall: 'recalled',
  start: 'serving',
  finish: 'served',
  no_show: 'no_show',
  transfer: 'transferred',
  cancel: 'cancelled',
  park: 'parked',
  unpark: 'unparked',
  undo_no_show: 'no_show_undone',
};

/**
 * The ticket state machine: from each status, the actions allowed and the status they lead to.
 * served and cancelled are final; a no-show can be undone for a minute (console-service.undoNoShow).
 * A parked ticket (the citizen stepped aside) waits in its agency's pool until a counter calls it back.
 */
export const TRANSITIONS: Record<TicketStatus, Partial<Record<TicketAction, TicketStatus>>> = {
  waiting: { call: 'called', transfer: 'waiting', cancel: 'cancelled' },
  called: { recall: 'called', start: 'serving', no_show: 'no_show', transfer: 'waiting', cancel: 'cancelled', park: 'parked' },
  serving: { finish: 'served', transfer: 'waiting', park: 'parked' },
  parked: { unpark: 'called', cancel: 'cancelled' },
  served: {},
  no_show: { undo_no_show: 'called' },
  cancelled: {},
};

export function allowedActions(from: TicketStatus): TicketAction[] {
  return Object.keys(TRANSITIONS[from]) as TicketAction[];
}

/**
 * The status an action leads to from `from`.
 * @throws AppError invalid_transition (409) naming the allowed actions.
 */
export function nextStatus(from: TicketStatus, action: TicketAction): TicketStatus {
  const to = TRANSITIONS[from][action];
  if (!to) throw invalidTransition(action, from, allowedActions(from));
  return to;
}
