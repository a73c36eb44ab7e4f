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
