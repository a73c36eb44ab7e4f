import { z } from 'zod';
import { ROLES } from '../platform/auth.js';
import { bilingual } from '../platform/i18n.js';

export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const Password = z
  .string()
  .min(10, bilingual('Kata sandi minimal 10 karakter.', 'The password must be at least 10 characters.'))
  .max(200);

export const LoginRequest = z.object({
  email: z.email(bilingual('Format email tidak valid.', 'The email address is not valid.')).max(200),
  password: z.string().min(1).max(200),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const GrantView = z.object({
  id: z.uuid(),
  role: Role,
  mppId: z.uuid().nullable(),
  tenantId: z.uuid().nullable(),
});
export type GrantView = z.infer<typeof GrantView>;

export const UserView = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  status: z.enum(['active', 'disabled']),
  mustChangePassword: z.boolean(),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
  grants: z.array(GrantView),
});
export type UserView = z.infer<typeof UserView>;

export const Session = z.object({
  user: UserView,
  csrfToken: z.string(),
});
export type Session = z.infer<typeof Session>;

export const GrantRequest = z.object({
  role: Role,
  mppId: z.uuid().nullable().default(null),
  tenantId: z.uuid().nullable().default(null),
});
export type GrantRequest = z.infer<typeof GrantRequest>;

export const CreateUserRequest = z.object({
  email: z.email(bilingual('Format email tidak valid.', 'The email address is not valid.')).max(200),
  name: z.string().trim().min(1).max(200),
  password: Password,
  grants: z.array(GrantRequest).min(1).max(20),
});
export type CreateUserRequest = z.infer<typeof CreateUserRequest>;

export const UpdateUserRequest = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  status: z.enum(['active', 'disabled']).optional(),
});
export type UpdateUserRequest = z.infer<typeof UpdateUserRequest>;

export const ResetPasswordRequest = z.object({ password: Password });
export type ResetPasswordRequest = z.infer<typeof ResetPasswordRequest>;

export const ChangePasswordRequest = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: Password,
});
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;

export const UserListQuery = z.object({
  mppId: z.uuid().optional(),
  q: z.string().max(100).optional(),
});
export type UserListQuery = z.infer<typeof UserListQuery>;

export const DeviceKind = z.enum(['kiosk', 'display']);

export const DeviceView = z.object({
  id: z.uuid(),
  mppId: z.uuid(),
  kind: DeviceKind,
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type DeviceView = z.infer<typeof DeviceView>;

export const CreateDeviceRequest = z.object({
  kind: DeviceKind,
  name: z.string().trim().min(1).max(100),
});
export type CreateDeviceRequest = z.infer<typeof CreateDeviceRequest>;

export const DeviceCreated = DeviceView.extend({
  token: z.string().describe('Shown once; store it on the device.'),
});
export type DeviceCreated = z.infer<typeof DeviceCreated>;

export const DeviceSelf = z.object({
  id: z.uuid(),
  mppId: z.uuid(),
  kind: DeviceKind,
  name: z.string(),
});

export const MppParams = z.object({ mppId: z.uuid() });
export const UserParams = z.object({ userId: z.uuid() });
export const GrantParams = z.object({ userId: z.uuid(), grantId: z.uuid() });
export const DeviceParams = z.object({ mppId: z.uuid(), deviceId: z.uuid() });
