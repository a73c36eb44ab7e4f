/*
 * Layan's service worker. (1) Keeps the crew's stop queue (/kru/...) working offline: the crew page
 * sends the app shell's URLs it loaded ('crew-cache' message); they are kept in a cache, navigations
 * to /kru/ fall back to the cached page and /assets/ files (content-hashed, never changed) are served
 * from the cache first. Nothing else is intercepted. (2) Shows the Web Push messages the server sends (your turn is near, you are
 * called, your complaint was answered) even with the page closed, and opens the page a message is
 * about when it is tapped. The payload is { title, body, url, tag } (src/citizen/push.ts).
 */
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

const CREW_CACHE = 'layan-crew-shell-v1';

self.addEventListener('message', (event) => {
  const data = event.data || {};
  if (data.type !== 'crew-cache' || !Array.isArray(data.urls)) return;
  const urls = data.urls.filter((u) => typeof u === 'string' && new URL(u, self.location.origin).origin === self.location.origin);
  event.waitUntil(
    caches
      .open(CREW_CACHE)
      .then((cache) => Promise.all(urls.map((u) => cache.add(new Request(u, { credentials: 'same-origin' })).catch(() => undefined))))
      .then(() => event.source && event.source.postMessage({ type: 'crew-cached', count: urls.length })),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  if (req.mode === 'navigate' && url.pathname.startsWith('/kru/')) {
    // Network first (a new version when online); the cached page when offline.
    event.respondWith(
      fetch(req)
        .then((res) => {
          if (res.ok) caches.open(CREW_CACHE).then((cache) => cache.put(url.pathname, res.clone()));
          return res;
        })
        .catch(() => caches.match(url.pathname).then((hit) => hit || caches.match('/kru/').then((shell) => shell || Response.error()))),
    );
    return;
  }
  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(caches.match(req).then((hit) => hit || fetch(req)));
  }
});

self.addEventListener('push', (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = { body: event.data ? event.data.text() : '' };
  }
  const title = data.title || 'Layan';
  event.waitUntil(
    self.registration.showNotification(title, {
      body: data.body || '',
      tag: data.tag || undefined,
      // A newer message about the same ticket or complaint replaces the older and still alerts.
      renotify: Boolean(data.tag),
      icon: '/favicon.svg',
      badge: '/favicon.svg',
      vibrate: [200, 100, 200],
      data: { url: data.url || '/' },
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const target = new URL(event.notification.data?.url || '/', self.location.origin).href;
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
      for (const w of windows) {
        if (w.url === target && 'focus' in w) return w.focus();
      }
      return self.clients.openWindow(target);
    }),
  );
});
