import type { Lang } from '../platform/i18n.js';
import type { Pickup, Status } from './state-machine.js';

const LABELS: Record<Status, { id: string; en: string }> = {
  submitted: { id: 'diterima', en: 'submitted' },
  returned: { id: 'dikembalikan: persyaratan belum lengkap', en: 'returned: requirements incomplete' },
  requirements_checked: { id: 'persyaratan lengkap', en: 'requirements checked' },
  in_process: { id: 'sedang diproses', en: 'in process' },
  ready: { id: 'siap diambil', en: 'ready' },
  collected: { id: 'sudah diambil', en: 'collected' },
  refused: { id: 'ditolak', en: 'refused' },
};

const PICKUP: Record<Pickup, { id: string; en: string }> = {
  counter: { id: 'di loket', en: 'at the counter' },
  kiosk: { id: 'di anjungan mandiri (kios) dengan kode permohonan dan NIK', en: 'at the self-service kiosk with the application code and NIK' },
  delivery: { id: 'dikirim ke alamat Anda', en: 'delivered to your address' },
};

export function statusLabel(status: Status, lang: Lang): string {
  return LABELS[status][lang];
}

export function pickupLabel(pickup: Pickup, lang: Lang): string {
  return PICKUP[pickup][lang];
}

/** The message to the applicant after a change; shortText fits one SMS for usual lengths. */
export function applicationChanged(p: { code: string; serviceName: string; status: Status; missing: string[]; reason: string | null; pickup: Pickup | null; trackUrl: string }) {
  const label = statusLabel(p.status, 'id');
  const lines = [`Permohonan ${p.code} (${p.serviceName}) kini: ${label}.`];
  if (p.status === 'returned' && p.missing.length) lines.push(`\nYang masih kurang:\n- ${p.missing.join('\n- ')}`);
  if (p.status === 'ready' && p.pickup) lines.push(`\nDapat diambil ${pickupLabel(p.pickup, 'id')}.`);
  if (p.reason) lines.push(`\nAlasan: ${p.reason}`);
  lines.push(`\nLacak: ${p.trackUrl}`);
  return {
    subject: `Permohonan ${p.code}: ${label}`,
    text: lines.join('\n'),
    shortText: `Permohonan ${p.code}: ${label}. ${p.trackUrl}`,
  };
}

export function pickupCodeMessage(p: { code: string; otp: string }) {
  return {
    subject: `Kode pengambilan ${p.code}`,
    text: `Kode sekali pakai untuk mengambil permohonan ${p.code} di anjungan: ${p.otp}. Berlaku 10 menit. Jangan berikan kode ini kepada siapa pun.`,
    shortText: `Kode ambil permohonan ${p.code}: ${p.otp} (10 menit). Jangan berikan kepada siapa pun.`,
  };
}

export function documentOffered(p: { tenantName: string; typeName: string; code: string; walletUrl: string; days: number }) {
  return {
    subject: `Dokumen dari ${p.tenantName} untuk dompet Anda`,
    text: `${p.tenantName} mengirim ${p.typeName} untuk permohonan ${p.code}. Dokumen ini masuk ke "Dokumen saya" hanya jika Anda menyetujuinya dalam ${p.days} hari: ${p.walletUrl}`,
    shortText: `${p.tenantName} mengirim ${p.typeName} (permohonan ${p.code}). Setujui di ${p.walletUrl}`,
  };
}
