/**
 * The consultation workflow (docs/applications.md "Consultation"):
 *   submitted --answer (staff)--> answered            a written question, answered
 *   submitted --schedule (staff, meeting link)--> scheduled   an online meeting, confirmed
 *   scheduled --answer (staff, summary)--> answered   after the meeting
 *   submitted|scheduled --withdraw (citizen)--> withdrawn
 */
export const STATUSES = ['submitted', 'scheduled', 'answered', 'withdrawn'] as const;
export type Status = (typeof STATUSES)[number];

export const ACTIONS = ['answer', 'schedule', 'withdraw'] as const;
export type Action = (typeof ACTIONS)[number];
export type Party = 'staff' | 'citizen';

export const TRANSITIONS: Record<Action, { from: readonly Status[]; to: Status; by: readonly Party[] }> = {
  answer: { from: ['submitted', 'scheduled'], to: 'answered', by: ['staff'] },
  schedule: { from: ['submitted'], to: 'scheduled', by: ['staff'] },
  withdraw: { from: ['submitted', 'scheduled'], to: 'withdrawn', by: ['citizen'] },
};

export function allowedActions(status: Status, party: Party, kind: 'question' | 'meeting'): Action[] {
  return ACTIONS.filter((a) => TRANSITIONS[a].by.includes(party) && TRANSITIONS[a].from.includes(status) && !(a === 'schedule' && kind !== 'meeting'));
}

export function isOpen(status: Status): boolean {
  return status === 'submitted' || status === 'scheduled';
}
