import { z } from 'zod';

export const AuditQuery = z.object({
  mppId: z.uuid().optional(),
  tenantId: z.uuid().optional(),
  action: z.string().max(100).optional(),
  targetType: z.string().max(50).optional(),
  targetId: z.string().max(100).optional(),
  actorId: z.string().max(100).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  before: z.coerce.number().int().positive().optional().describe('Cursor: return entries with id below this'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  mppId: z.string().nullable(),
  tenantId: z.string().nullable(),
  actorType: z.string(),
  actorId: z.string().nullable(),
  actorLabel: z.string().nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditPage = z.object({ entries: z.array(AuditEntry), nextBefore: z.number().int().nullable() });
export type AuditPage = z.infer<typeof AuditPage>;

export const AuditFacetsQuery = z.object({ mppId: z.uuid().optional() });
export type AuditFacetsQuery = z.infer<typeof AuditFacetsQuery>;

/** What the filters of the audit screen offer: the actions, actors and target kinds found in the caller's scope. */
export const AuditFacets = z.object({
  actions: z.array(z.string()),
  actors: z.array(z.object({ id: z.string(), label: z.string() })),
  targetTypes: z.array(z.string()),
});
export type AuditFacets = z.infer<typeof AuditFacets>;
