import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, seedMpp, staffCaller, type TestApp } from './support/app.js';

/** The Content-Security-Policy as browsers get it: what may load images, and what still may not run. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

function directives(header: string | string[] | number | undefined): Map<string, string[]> {
  return new Map(
    String(header)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

describe('content security policy', () => {
  it('lets an agency logo given as an https URL load, and nothing over plain http or from anywhere as script', async () => {
    const { mppId } = await seedMpp(t.db, { slug: 'mpp-csp' });
    // seedMpp leaves the region empty, which the public page's contract does not accept.
    await t.db.query("UPDATE mpps SET region_code = '33.02' WHERE id = $1", [mppId]);
    const admin = await staffCaller(t, 'mpp_admin', { mppId });
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/catalog/mpps/${mppId}/tenants`,
      headers: admin.headers,
      payload: { kind: 'regional_office', name: 'Dinas Logo', code: 'LOGO', logo: 'https://dukcapil.example.go.id/logo.png' },
    });
    expect(created.statusCode).toBe(201);

    const page = await t.app.inject({ method: 'GET', url: '/api/public/mpps/mpp-csp' });
    expect(page.statusCode).toBe(200);
    expect(page.json().tenants.find((x: { code: string }) => x.code === 'LOGO').logo).toBe('https://dukcapil.example.go.id/logo.png');
    const csp = directives(page.headers['content-security-policy']);
    expect(csp.get('img-src')).toEqual(expect.arrayContaining(["'self'", 'data:', 'https:']));
    expect(csp.get('img-src')).not.toContain('http:');
    expect(csp.get('img-src')).not.toContain('*');
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    // The logo host does not learn which page of ours the visitor was reading.
    expect(page.headers['referrer-policy']).toBe('no-referrer');

    const plain = await t.app.inject({
      method: 'POST',
      url: `/api/catalog/mpps/${mppId}/tenants`,
      headers: admin.headers,
      payload: { kind: 'regional_office', name: 'Dinas Http', code: 'HTTP', logo: 'http://dukcapil.example.go.id/logo.png' },
    });
    expect(plain.statusCode).toBe(400);
  });
});
