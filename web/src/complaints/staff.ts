import type { ResponseOf } from '../api/types';

/** A complaint as staff see it in the list (the contract's shape). */
export type ComplaintItem = ResponseOf<'/api/mpps/{mppId}/complaints'>['items'][number];
/** One complaint with its attachments and history. */
export type ComplaintDetail = ResponseOf<'/api/mpps/{mppId}/complaints/{complaintId}'>;
