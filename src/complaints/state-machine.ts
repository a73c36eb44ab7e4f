/**
 * The complaint workflow as data. Each action names the statuses it may start from and where it
 * leads; anything else is refused with 409 naming the actions allowed from the current status.
 *
 *   received ──verify──> verified ──assign──> assigned ──start──> in_progress
 *      │                   │  │                 │ (reassign)          │
 *      └──set_aside──┐     │  └──answer────┐    └──answer──┐          └──answer──┐
 *                    v     v               v               v                     v
 *     not_ours | duplicate | archived    answered ──confirm / close──> closed
 *                                          └──reopen──> in_progress
 */

export const STATUSES = ['received', 'verified', 'not_ours', 'duplicate', 'archived', 'assigned', 'in_progress', 'answered', 'closed'] as const;
export type Status = (typeof STATUSES)[number];

export const ACTIONS = ['verify', 'set_aside', 'assign', 'start', 'answer', 'confirm', 'reopen', 'close'] as const;
export type Action = (typeof ACTIONS)[number];

export const SET_ASIDE_AS = ['not_ours', 'duplicate', 'archived'] as const;
export type SetAsideAs = (typeof SET_ASIDE_AS)[number];

/** Who may take an action: the MPP's complaint handlers, staff of the assigned tenant, the citizen (by code), or the system. */
export type Party = 'handler' | 'tenant' | 'citizen' | 'system';

interface Rule {
  from: readonly Status[];
  to: Status | 'by_input';
  by: readonly Party[];
}

export const TRANSITIONS: Record<Action, Rule> = {
  verify: { from: ['received'], to: 'verified', by: ['handler'] },
  set_aside: { from: ['received', 'verified'], to: 'by_input', by: ['handler'] },
  assign: { from: ['verified', 'assigned'], to: 'assigned', by: ['handler'] },
  start: { from: ['assigned'], to: 'in_progress', by: ['handler', 'tenant'] },
  answer: { from: ['verified', 'assigned', 'in_progress'], to: 'answered', by: ['handler', 'tenant'] },
  confirm: { from: ['answered'], to: 'closed', by: ['citizen'] },
  reopen: { from: ['answered'], to: 'in_progress', by: ['citizen'] },
  // Taken by the sweeper once the citizen's reopen period has passed.
  close: { from: ['answered'], to: 'closed', by: ['system'] },
};

/** Actions allowed from a status (optionally only those a party may take). */
export function allowedActions(status: Status, party?: Party): Action[] {
  return ACTIONS.filter((a) => TRANSITIONS[a].from.includes(status) && (party === undefined || TRANSITIONS[a].by.includes(party)));
}

export function canTransition(action: Action, status: Status): boolean {
  return TRANSITIONS[action].from.includes(status);
}

/** The status an action leads to; set_aside needs the chosen outcome. */
export function targetStatus(action: Action, setAsideAs?: SetAsideAs): Status {
  const to = TRANSITIONS[action].to;
  if (to !== 'by_input') return to;
  if (!setAsideAs) throw new RangeError('set_aside needs an outcome');
  return setAsideAs;
}

/** Open311 knows only open and closed. */
export function open311Status(status: Status): 'open' | 'closed' {
  return ['not_ours', 'duplicate', 'archived', 'answered', 'closed'].includes(status) ? 'closed' : 'open';
}

/** Statuses in which the clock of an SLA runs. */
export function slaStage(status: Status): 'verification' | 'resolution' | null {
  if (status === 'received') return 'verification';
  if (status === 'verified' || status === 'assigned' || status === 'in_progress') return 'resolution';
  return null;
}
