import { z } from 'zod';
import { ApplicationSummary, Status } from './schemas.js';

export const WALLET_MAX_BYTES = 5 * 1024 * 1024;

export const DocumentParams = z.object({ documentId: z.uuid() });
export const GrantParams = z.object({ grantId: z.uuid() });
export const UploadQuery = z.object({
  typeCode: z.string().trim().toUpperCase().regex(/^[A-Z0-9_]{2,40}$/),
  fileName: z.string().trim().min(1).max(200).default('dokumen'),
});

export const WalletGrant = z.object({
  id: z.uuid(),
  applicationCode: z.string(),
  tenantName: z.string(),
  grantedAt: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  live: z.boolean(),
});

export const WalletDocument = z.object({
  id: z.uuid(),
  typeCode: z.string(),
  typeName: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  createdAt: z.string(),
  /** The agency that added it with the citizen's consent; null when the citizen uploaded it. */
  fromAgency: z.string().nullable(),
  grants: z.array(WalletGrant),
});
export type WalletDocument = z.infer<typeof WalletDocument>;

export const AccessEntry = z.object({
  at: z.string(),
  typeCode: z.string(),
  typeName: z.string(),
  tenantName: z.string(),
  outcome: z.enum(['allowed', 'refused']),
  timezone: z.string(),
});

export const GrantRequest = z.object({
  applicationCode: z.string().trim().min(4).max(20),
  documentIds: z.array(z.uuid()).min(1).max(20),
  days: z.number().int().min(1).max(90).default(30),
});

export const MyApplication = ApplicationSummary.omit({ applicantName: true }).extend({
  mppName: z.string(),
  requirements: z.array(z.object({ typeCode: z.string(), name: z.string(), inWallet: z.boolean(), granted: z.boolean() })),
  status: Status,
  statusLabel: z.string(),
});

export const PrecheckParams = z.object({ mppId: z.uuid(), serviceId: z.uuid() });
export const Precheck = z.object({
  serviceName: z.string(),
  requirements: z.array(z.object({ typeCode: z.string(), name: z.string(), note: z.string(), inWallet: z.boolean() })),
  missing: z.number().int(),
  /** Whether the service takes online applications (POST /api/citizen/me/applications). */
  online: z.boolean(),
});

export const RequirementTypeView = z.object({ code: z.string(), name: z.string() });

export const OfferParams = z.object({ offerId: z.uuid() });
export const OfferQuery = UploadQuery;
export const OfferStatus = z.enum(['pending', 'accepted', 'declined', 'expired']);

/** A document an agency added for the citizen, waiting for (or past) the citizen's consent. */
export const WalletOffer = z.object({
  id: z.uuid(),
  applicationCode: z.string(),
  serviceName: z.string(),
  tenantName: z.string(),
  typeCode: z.string(),
  typeName: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  status: OfferStatus,
  offeredAt: z.string(),
  expiresAt: z.string(),
  decidedAt: z.string().nullable(),
  timezone: z.string(),
});
export type WalletOffer = z.infer<typeof WalletOffer>;
