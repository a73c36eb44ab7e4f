import { zoneAbbr } from '../platform/zones.js';

/** Notification texts in Bahasa Indonesia (citizens' language of the MPP). */

/** "Senin, 23 November 2026 pukul 09.00 WIB" */
export function formatLocal(at: Date, timezone: string, lang: 'id' | 'en' = 'id'): string {
  const date = new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { timeZone: timezone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(at);
  return `${date} ${lang === 'id' ? 'pukul' : 'at'} ${formatTime(at, timezone)} ${zoneAbbr(timezone)}`;
}

/** "09.00" (Indonesian style) */
export function formatTime(at: Date, timezone: string): string {
  const p = new Intl.DateTimeFormat('en-GB', { timeZone: timezone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const get = (t: string) => p.find((x) => x.type === t)?.value ?? '00';
  return `${get('hour')}.${get('minute')}`;
}

export interface MessageFacts {
  code: string;
  name: string;
  serviceName: string;
  tenantName: string;
  mppName: string;
  startsAt: Date;
  timezone: string;
  manageUrl: string;
  checkInEarlyMinutes: number;
  checkInLateMinutes: number;
}

export type MessageKind = 'confirmation' | 'reminder' | 'changed' | 'cancelled' | 'schedule_changed';

export function bookingMessage(kind: MessageKind, f: MessageFacts, extra: { reason?: string } = {}): { subject: string; text: string; shortText: string } {
  const when = formatLocal(f.startsAt, f.timezone);
  const where = `${f.serviceName} (${f.tenantName}), ${f.mppName}`;
  const arrive = `Check-in di kiosk dengan kode atau QR paling cepat ${f.checkInEarlyMinutes} menit sebelum dan paling lambat ${f.checkInLateMinutes} menit sesudah jadwal. Bawa KTP asli.`;
  switch (kind) {
    case 'confirmation':
      return {
        subject: `Booking ${f.code} terkonfirmasi: ${f.serviceName}, ${when}`,
        text: `Yth. ${f.name},\n\nBooking Anda terkonfirmasi.\n\nKode booking: ${f.code}\nLayanan: ${where}\nJadwal: ${when}\n\n${arrive}\n\nLihat, ubah jadwal atau batalkan: ${f.manageUrl}\n\nTerima kasih.\n${f.mppName}`,
        shortText: `Booking ${f.code} ${f.serviceName}, ${when} di ${f.mppName}. Check-in di kiosk ${f.checkInEarlyMinutes} mnt sebelum s.d. ${f.checkInLateMinutes} mnt sesudah jadwal. Kelola: ${f.manageUrl}`,
      };
    case 'reminder':
      return {
        subject: `Pengingat: besok ${f.serviceName}, ${when} (kode ${f.code})`,
        text: `Yth. ${f.name},\n\nMengingatkan jadwal Anda besok.\n\nKode booking: ${f.code}\nLayanan: ${where}\nJadwal: ${when}\n\n${arrive}\n\nTidak bisa datang? Batalkan agar slot dipakai warga lain: ${f.manageUrl}\n\n${f.mppName}`,
        shortText: `Pengingat: besok ${when}, ${f.serviceName} di ${f.mppName}, kode ${f.code}. Tidak bisa datang? Batalkan: ${f.manageUrl}`,
      };
    case 'changed':
      return {
        subject: `Jadwal booking ${f.code} berubah: ${when}`,
        text: `Yth. ${f.name},\n\nJadwal booking Anda telah diubah.\n\nKode booking: ${f.code}\nLayanan: ${where}\nJadwal baru: ${when}\n${extra.reason ? `Keterangan: ${extra.reason}\n` : ''}\n${arrive}\n\nKelola booking: ${f.manageUrl}\n\n${f.mppName}`,
        shortText: `Jadwal booking ${f.code} (${f.serviceName}) diubah ke ${when}. Kelola: ${f.manageUrl}`,
      };
    case 'cancelled':
      return {
        subject: `Booking ${f.code} dibatalkan`,
        text: `Yth. ${f.name},\n\nBooking ${f.code} untuk ${where} pada ${when} telah dibatalkan.\n${extra.reason ? `Alasan: ${extra.reason}\n` : ''}\nAnda dapat membuat booking baru kapan saja.\n\n${f.mppName}`,
        shortText: `Booking ${f.code} (${f.serviceName}, ${when}) dibatalkan.${extra.reason ? ` Alasan: ${extra.reason}.` : ''}`,
      };
    case 'schedule_changed':
      return {
        subject: `Perubahan jam layanan: booking ${f.code} perlu dijadwalkan ulang`,
        text: `Yth. ${f.name},\n\nJam layanan ${f.mppName} berubah sehingga jadwal booking Anda (${when}, ${where}) tidak lagi tersedia.\nBooking Anda TIDAK dihapus. Silakan pilih jadwal lain di tautan berikut, atau petugas kami akan menghubungi Anda:\n${f.manageUrl}\n\nMohon maaf atas ketidaknyamanannya.\n${f.mppName}`,
        shortText: `Jam layanan ${f.mppName} berubah; jadwal booking ${f.code} (${when}) tidak tersedia. Pilih jadwal lain: ${f.manageUrl}`,
      };
  }
}
