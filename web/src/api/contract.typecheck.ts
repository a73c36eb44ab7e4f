/**
 * Never imported: `npm run typecheck` checks this file, and each `@ts-expect-error` below fails the
 * type-check the day the generated client stops refusing what the API does not say (a field the API
 * does not return, a path it does not serve, a body field it does not take), e.g. if the client's
 * types fell back to `any` or a page's shape were typed by hand again.
 */
import { client } from './client';
import type { ApiData } from './client';

declare const users: ApiData<'/api/users'>;
// @ts-expect-error a staff account as /api/users returns it has no lastSignInAt
void users[0]?.lastSignInAt;

export async function contractChecks() {
  const { data } = await client.GET('/api/mpps/{mppId}/queue/counters/{counterId}/console', { params: { path: { mppId: '', counterId: '' } } });
  // @ts-expect-error the console view names its counter's officer, not the officer's email
  void data?.counter.officerEmail;
  // @ts-expect-error no such route
  await client.GET('/api/users/everyone');
  // @ts-expect-error a new device takes a kind and a name, no location
  await client.POST('/api/mpps/{mppId}/devices', { params: { path: { mppId: '' } }, body: { kind: 'kiosk', name: 'Kios', location: 'Lobi' } });
}
