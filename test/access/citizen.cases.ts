import type { CaseFile } from './world.js';

/**
 * The citizen domain. Routes of a signed-in citizen (the `layan_citizen` session cookie) are closed to
 * every caller of the matrix: staff sessions and device tokens are not citizen sessions, so all get
 * 401. That a citizen gets through, sees only what matches their own verified contacts and needs the
 * CSRF token to write is tested in src/citizen/*.test.ts.
 */
export default {
  async setup(w) {
    const { rows } = await w.t.db.query<{ id: string }>(
      "INSERT INTO services (mpp_id, tenant_id, code, name, ticket_prefix) VALUES ($1, $2, 'CITMTX', 'Layanan matriks warga', 'W') RETURNING id",
      [w.mppA, w.tenantA1],
    );
    await w.t.db.query(
      'UPDATE mpps SET weekly_hours = $2 WHERE id = $1',
      [w.mppA, JSON.stringify(Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, { opens: '00:00', closes: '23:59', breaks: [] }])))],
    );
    const issued = await w.t.app.inject({ method: 'POST', url: `/api/mpps/${w.mppA}/queue/tickets`, headers: w.headers.kioskA, payload: { serviceId: rows[0]!.id } });
    return { statusToken: issued.json().statusToken as string };
  },
  cases: [
    { method: 'POST', route: '/api/citizen/codes', public: 'anyone may ask for a sign-in code; limited per destination and per address', request: () => ({ url: '/api/citizen/codes' }) },
    { method: 'POST', route: '/api/citizen/session', public: 'signing in: the one-time code is the credential', request: () => ({ url: '/api/citizen/session' }) },
    { method: 'GET', route: '/api/citizen/session', allow: [], request: () => ({ url: '/api/citizen/session' }) },
    { method: 'DELETE', route: '/api/citizen/session', allow: [], request: () => ({ url: '/api/citizen/session' }) },
    { method: 'PUT', route: '/api/citizen/me', allow: [], request: () => ({ url: '/api/citizen/me', payload: { lang: 'en' } }) },
    { method: 'DELETE', route: '/api/citizen/me/contacts/:kind/:value', allow: [], request: () => ({ url: `/api/citizen/me/contacts/email/${encodeURIComponent('orang@example.id')}` }) },
    { method: 'DELETE', route: '/api/citizen/me', allow: [], request: () => ({ url: '/api/citizen/me' }) },
    { method: 'GET', route: '/api/citizen/me/items', allow: [], request: () => ({ url: '/api/citizen/me/items' }) },
    {
      method: 'POST',
      route: '/api/citizen/me/push',
      allow: [],
      request: () => ({ url: '/api/citizen/me/push', payload: { endpoint: 'https://push.example.id/abc', keys: { p256dh: 'x'.repeat(40), auth: 'y'.repeat(16) } } }),
    },
    { method: 'GET', route: '/api/citizen/push-key', public: 'the VAPID public key is public by design', request: () => ({ url: '/api/citizen/push-key' }) },
    { method: 'GET', route: '/api/citizen/tickets/:statusToken/follow', public: 'the ticket\'s secret status token is the credential', request: (_w, f) => ({ url: `/api/citizen/tickets/${f.statusToken}/follow` }) },
    { method: 'PUT', route: '/api/citizen/tickets/:statusToken/follow', public: 'the ticket\'s secret status token is the credential', request: (_w, f) => ({ url: `/api/citizen/tickets/${f.statusToken}/follow` }) },
    { method: 'DELETE', route: '/api/citizen/tickets/:statusToken/follow', public: 'the ticket\'s secret status token is the credential', request: (_w, f) => ({ url: `/api/citizen/tickets/${f.statusToken}/follow` }) },
  ],
} satisfies CaseFile;
