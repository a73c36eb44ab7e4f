/** Indonesia's zone names for the IANA zones MPPs use (Asia/Pontianak is WIB too). The web app has its twin in web/src/time.ts. */
const ZONE_ABBR: Record<string, string> = { 'Asia/Jakarta': 'WIB', 'Asia/Pontianak': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' };

/** 'WIB' | 'WITA' | 'WIT' for an Indonesian zone; the IANA name itself for any other. */
export function zoneAbbr(timeZone: string): string {
  return ZONE_ABBR[timeZone] ?? timeZone;
}
