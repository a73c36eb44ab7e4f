import { readCookie } from '../api/problem';

/** The citizen session's CSRF header (a cookie the page can read), for writes to /api/citizen/me*. */
export function citizenCsrf(): Record<string, string> {
  const token = readCookie('layan_citizen_csrf');
  return token ? { 'x-citizen-csrf': token } : {};
}

export interface BrowserSubscription {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

/** Whether this browser can be told by Web Push (service worker, Push API, notifications). */
export function pushSupported(): boolean {
  return typeof navigator !== 'undefined' && 'serviceWorker' in navigator && typeof window !== 'undefined' && 'PushManager' in window && 'Notification' in window;
}

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const b64 = base64url.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (base64url.length % 4)) % 4);
  const raw = atob(b64);
  const out = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

/**
 * Asks the citizen's permission, registers /sw.js and subscribes with the server's VAPID key.
 * Answers undefined when the browser cannot or the citizen said no.
 */
export async function subscribeThisBrowser(): Promise<BrowserSubscription | undefined> {
  if (!pushSupported()) return undefined;
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') return undefined;
  const registration = await navigator.serviceWorker.register('/sw.js');
  await navigator.serviceWorker.ready;
  const res = await fetch('/api/citizen/push-key');
  if (!res.ok) return undefined;
  const { publicKey } = (await res.json()) as { publicKey: string };
  const sub = (await registration.pushManager.getSubscription()) ?? (await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) }));
  const json = sub.toJSON() as { endpoint?: string; keys?: { p256dh?: string; auth?: string } };
  if (!json.endpoint || !json.keys?.p256dh || !json.keys.auth) return undefined;
  return { endpoint: json.endpoint, keys: { p256dh: json.keys.p256dh, auth: json.keys.auth } };
}

/** Vibration and a short two-tone sound while the page is open (turn near, called). */
export function alertHolder(): void {
  try {
    navigator.vibrate?.([300, 150, 300]);
  } catch {
    // vibration not allowed: the sound and the text still tell
  }
  try {
    const Ctx = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Ctx) return;
    const ctx = new Ctx();
    [880, 660].forEach((freq, i) => {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.frequency.value = freq;
      gain.gain.value = 0.2;
      osc.connect(gain).connect(ctx.destination);
      osc.start(ctx.currentTime + i * 0.35);
      osc.stop(ctx.currentTime + i * 0.35 + 0.3);
    });
    setTimeout(() => void ctx.close(), 1200);
  } catch {
    // no audio (autoplay policy): the text and vibration still tell
  }
}
