/**
 * Makes the crew page an offline app: registers the service worker (web/public/sw.js, the same one
 * Web Push uses) and hands it the URLs of the page and of every script and style it loaded, to keep.
 * Resolves true once they are cached (false where service workers are unavailable).
 */
export async function keepShellOffline(): Promise<boolean> {
  if (!('serviceWorker' in navigator)) return false;
  await navigator.serviceWorker.register('/sw.js');
  const registration = await navigator.serviceWorker.ready;
  const worker = registration.active;
  if (!worker) return false;
  const assets = performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((u) => new URL(u).origin === location.origin && new URL(u).pathname.startsWith('/assets/'));
  const urls = [location.pathname, '/kru/', '/favicon.svg', '/crew.webmanifest', ...new Set(assets)];
  return new Promise((resolve) => {
    const done = (event: MessageEvent) => {
      if ((event.data as { type?: string })?.type !== 'crew-cached') return;
      navigator.serviceWorker.removeEventListener('message', done);
      resolve(true);
    };
    navigator.serviceWorker.addEventListener('message', done);
    worker.postMessage({ type: 'crew-cache', urls });
  });
}
