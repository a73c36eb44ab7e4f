import type { ResponseOf } from '../api/types';
/**
 * Kiosks and boards are set up once by opening their page with ?token=... (the device token an admin
 * issued). The token is kept in this browser and removed from the address bar.
 */
export function deviceToken(kind: 'kiosk' | 'display', mppId: string): string | null {
  const key = `layan.${kind}.${mppId}`;
  const url = new URL(window.location.href);
  const given = url.searchParams.get('token');
  if (given) {
    localStorage.setItem(key, given);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search);
    return given;
  }
  return localStorage.getItem(key);
}

export const bearer = (token: string | null): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});

/** What the server answers a heartbeat: its time, and the drive-thru lane a kiosk is bound to. */
export type HeartbeatAnswer = ResponseOf<'/api/mpps/{mppId}/queue/devices/heartbeat', 'post'>;

/** The web app version a device reports (package.json "version"). */
export const APP_VERSION = '0.1.0';

/**
 * One heartbeat now: `printerError` undefined keeps the last one reported, null clears it. Failures are
 * ignored: the next beat tries again.
 */
export function sendHeartbeat(mppId: string, token: string | null, page: string, printerError?: string | null, onAnswer?: (answer: HeartbeatAnswer) => void): void {
  if (!token) return;
  void fetch(`/api/mpps/${mppId}/queue/devices/heartbeat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...bearer(token) },
    body: JSON.stringify({ appVersion: APP_VERSION, page, ...(printerError !== undefined ? { printerError } : {}) }),
  })
    .then(async (res) => {
      if (res.ok && onAnswer) onAnswer((await res.json()) as HeartbeatAnswer);
    })
    .catch(() => undefined);
}

/**
 * A kiosk or board says it is alive every 30 s (and at once), with its app version and page, so the
 * MPP admin sees which devices are offline (GET …/queue/devices/health).
 */
export function startHeartbeat(mppId: string, token: string | null, page: string, printerError?: () => string | null | undefined, onAnswer?: (answer: HeartbeatAnswer) => void): () => void {
  if (!token) return () => {};
  const beat = () => sendHeartbeat(mppId, token, page, printerError?.(), onAnswer);
  beat();
  const timer = setInterval(beat, 30_000);
  return () => clearInterval(timer);
}
