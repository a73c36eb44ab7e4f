import { z } from 'zod';
import { requireDevice, requireStaff } from '../platform/auth.js';
import type { AppContext } from '../platform/context.js';
import { requestContext, type App } from '../platform/http.js';
import { CSRF_COOKIE, SESSION_COOKIE } from './auth-hook.js';
import {
  ChangePasswordRequest,
  CreateDeviceRequest,
  CreateUserRequest,
  DeviceCreated,
  DeviceParams,
  DeviceSelf,
  DeviceView,
  GrantParams,
  GrantRequest,
  LoginRequest,
  MppParams,
  ResetPasswordRequest,
  Session,
  UpdateUserRequest,
  UserListQuery,
  UserParams,
  UserView,
} from './schemas.js';
import * as service from './service.js';
import { SESSION_IDLE_MINUTES } from './service.js';

const tags = ['identity'];

export async function identityRoutes(app: App, ctx: AppContext): Promise<void> {
  const { db, clock } = ctx;
  const cookieBase = { path: '/', sameSite: 'lax' as const, secure: ctx.config.secureCookies, maxAge: SESSION_IDLE_MINUTES * 60 };

  app.post('/api/auth/login', {
    schema: { tags, summary: 'Sign in as staff', body: LoginRequest, response: { 200: Session } },
    config: { rateLimit: { max: ctx.config.loginRateLimit, timeWindow: '1 minute' } },
  }, async (request, reply) => {
    const result = await service.login(requestContext(request, db, clock), { ...request.body, client: { ip: request.ip, userAgent: request.headers['user-agent'] ?? null } });
    reply.setCookie(SESSION_COOKIE, result.sessionToken, { ...cookieBase, httpOnly: true });
    reply.setCookie(CSRF_COOKIE, result.csrfToken, { ...cookieBase, httpOnly: false });
    return { user: result.user, csrfToken: result.csrfToken };
  });

  app.post('/api/auth/logout', { schema: { tags, summary: 'Sign out', response: { 204: z.null() } } }, async (request, reply) => {
    if (request.sessionToken) await service.logout(requestContext(request, db, clock), { sessionToken: request.sessionToken });
    reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  app.get('/api/auth/me', { schema: { tags, summary: 'The signed-in staff member', response: { 200: Session } } }, async (request) => {
    const user = await service.me(requestContext(request, db, clock));
    return { user, csrfToken: request.cookies[CSRF_COOKIE] ?? '' };
  });

  app.post('/api/auth/password', {
    schema: { tags, summary: 'Change my password', body: ChangePasswordRequest, response: { 204: z.null() } },
    config: { rateLimit: { max: ctx.config.loginRateLimit, timeWindow: '1 minute' } },
  }, async (request, reply) => {
    requireStaff(request.principal);
    await service.changePassword(requestContext(request, db, clock), { sessionToken: request.sessionToken ?? '', ...request.body });
    return reply.status(204).send(null);
  });

  app.get('/api/users', { schema: { tags, summary: 'Staff accounts I administer', querystring: UserListQuery, response: { 200: z.array(UserView) } } }, async (request) =>
    service.listUsers(requestContext(request, db, clock), request.query),
  );

  app.post('/api/users', { schema: { tags, summary: 'Create a staff account', body: CreateUserRequest, response: { 201: UserView } } }, async (request, reply) => {
    const user = await service.createUser(requestContext(request, db, clock), request.body);
    return reply.status(201).send(user);
  });

  app.get('/api/users/:userId', { schema: { tags, summary: 'One staff account', params: UserParams, response: { 200: UserView } } }, async (request) =>
    service.getUserView(requestContext(request, db, clock), { userId: request.params.userId }),
  );

  app.patch('/api/users/:userId', { schema: { tags, summary: 'Rename, disable or enable an account', params: UserParams, body: UpdateUserRequest, response: { 200: UserView } } }, async (request) =>
    service.updateUser(requestContext(request, db, clock), { userId: request.params.userId, ...request.body }),
  );

  app.post('/api/users/:userId/grants', {
    schema: { tags, summary: 'Give an account one more role (within what the caller may grant)', params: UserParams, body: GrantRequest, response: { 201: UserView } },
  }, async (request, reply) => {
    const user = await service.addGrant(requestContext(request, db, clock), { userId: request.params.userId, ...request.body });
    return reply.status(201).send(user);
  });

  app.delete('/api/users/:userId/grants/:grantId', {
    schema: { tags, summary: "Remove one of an account's roles (never the last admin of an MPP, never one's own)", params: GrantParams, response: { 200: UserView } },
  }, async (request) => service.removeGrant(requestContext(request, db, clock), { userId: request.params.userId, grantId: request.params.grantId }));

  app.post('/api/users/:userId/reset-password', {
    schema: { tags, summary: 'Set a temporary password', params: UserParams, body: ResetPasswordRequest, response: { 204: z.null() } },
  }, async (request, reply) => {
    await service.resetPassword(requestContext(request, db, clock), { userId: request.params.userId, password: request.body.password });
    return reply.status(204).send(null);
  });

  app.get('/api/mpps/:mppId/devices', { schema: { tags, summary: 'Kiosk and display tokens of an MPP', params: MppParams, response: { 200: z.array(DeviceView) } } }, async (request) =>
    service.listDevices(requestContext(request, db, clock), { mppId: request.params.mppId }),
  );

  app.post('/api/mpps/:mppId/devices', {
    schema: { tags, summary: 'Issue a kiosk or display token (shown once)', params: MppParams, body: CreateDeviceRequest, response: { 201: DeviceCreated } },
  }, async (request, reply) => {
    const device = await service.createDevice(requestContext(request, db, clock), { mppId: request.params.mppId, ...request.body });
    return reply.status(201).send(device);
  });

  app.delete('/api/mpps/:mppId/devices/:deviceId', { schema: { tags, summary: 'Revoke a device token', params: DeviceParams, response: { 200: DeviceView } } }, async (request) =>
    service.revokeDevice(requestContext(request, db, clock), { mppId: request.params.mppId, deviceId: request.params.deviceId }),
  );

  app.get('/api/mpps/:mppId/device', { schema: { tags, summary: 'The calling device (kiosk or display)', params: MppParams, response: { 200: DeviceSelf } } }, async (request) => {
    const d = requireDevice(request.principal, request.params.mppId, ['kiosk', 'display']);
    return { id: d.deviceId, mppId: d.mppId, kind: d.deviceKind, name: d.name };
  });
}
