import { useCurrentMpp } from '../current-mpp';

export interface ComplaintItem {
  id: string;
  mppId: string;
  trackingCode: string;
  channel: string;
  class: 'pengaduan' | 'aspirasi' | 'permintaan_informasi';
  subjectType: 'mpp' | 'tenant' | 'service' | 'facility' | 'officer';
  subjectTenantId: string | null;
  subjectDetail: string | null;
  description: string;
  anonymous: boolean;
  contact: { name: string | null; email: string | null; phone: string | null } | null;
  consentShareIdentity: boolean;
  status: 'received' | 'verified' | 'not_ours' | 'duplicate' | 'archived' | 'assigned' | 'in_progress' | 'answered' | 'closed';
  track: string | null;
  assignedTenantId: string | null;
  publicAnswer: string | null;
  statusReason: string | null;
  receivedAt: string;
  dueAt: string | null;
  overdue: boolean;
  reopenUntil: string | null;
  allowedActions: ('verify' | 'set_aside' | 'assign' | 'start' | 'answer' | 'confirm' | 'reopen' | 'close')[];
}

/** The MPP a staff member works in: the one chosen in the staff shell's switcher. */
export function useStaffMpp(): string | null {
  return useCurrentMpp().mppId;
}
