/**
 * The application workflow as data. Each action names the statuses it may start from and where it
 * leads; anything else is refused with 409 naming the actions allowed from the current status.
 *
 *   submitted ──check──> requirements_checked ──process──> in_process ──mark_ready──> ready ──collect──> collected
 *      │  ^                                                                              │
 *      │  └──resubmit── returned <──return_incomplete (with the missing list)             └ counter | kiosk | delivery
 *      └──refuse (with a reason), also from returned, requirements_checked and in_process ──> refused
 */

export const STATUSES = ['submitted', 'returned', 'requirements_checked', 'in_process', 'ready', 'collected', 'refused'] as const;
export type Status = (typeof STATUSES)[number];

export const ACTIONS = ['check', 'return_incomplete', 'resubmit', 'process', 'mark_ready', 'collect', 'refuse'] as const;
export type Action = (typeof ACTIONS)[number];

export const PICKUPS = ['counter', 'kiosk', 'delivery'] as const;
export type Pickup = (typeof PICKUPS)[number];

/** Who takes an action: agency staff, or the applicant at the pickup kiosk (code + NIK + one-time code). */
export type Party = 'staff' | 'kiosk';

interface Rule {
  from: readonly Status[];
  to: Status;
  by: readonly Party[];
}

export const TRANSITIONS: Record<Action, Rule> = {
  check: { from: ['submitted'], to: 'requirements_checked', by: ['staff'] },
  return_incomplete: { from: ['submitted'], to: 'returned', by: ['staff'] },
  // The citizen brought what was missing; the officer checks again.
  resubmit: { from: ['returned'], to: 'submitted', by: ['staff'] },
  process: { from: ['requirements_checked'], to: 'in_process', by: ['staff'] },
  mark_ready: { from: ['in_process'], to: 'ready', by: ['staff'] },
  collect: { from: ['ready'], to: 'collected', by: ['staff', 'kiosk'] },
  refuse: { from: ['submitted', 'returned', 'requirements_checked', 'in_process'], to: 'refused', by: ['staff'] },
};

/** Actions allowed from a status (optionally only those a party may take). */
export function allowedActions(status: Status, party?: Party): Action[] {
  return ACTIONS.filter((a) => TRANSITIONS[a].from.includes(status) && (party === undefined || TRANSITIONS[a].by.includes(party)));
}

export function canTransition(action: Action, status: Status): boolean {
  return TRANSITIONS[action].from.includes(status);
}

/** Statuses in which the agency's clock runs (the due date matters). */
export function isRunning(status: Status): boolean {
  return status === 'submitted' || status === 'requirements_checked' || status === 'in_process';
}

/** Statuses that wait for the citizen: to bring what is missing, or to collect the product. */
export function waitsForCitizen(status: Status): boolean {
  return status === 'returned' || status === 'ready';
}

export function isClosed(status: Status): boolean {
  return status === 'collected' || status === 'refused';
}

/** A running application is "due soon" within this many hours of its due date. */
export const DUE_SOON_HOURS = 48;

/** Whether a running application is due within DUE_SOON_HOURS (and not yet overdue). */
export function isDueSoon(status: Status, dueAt: Date, now: Date): boolean {
  return isRunning(status) && dueAt >= now && dueAt.getTime() - now.getTime() <= DUE_SOON_HOURS * 3_600_000;
}
