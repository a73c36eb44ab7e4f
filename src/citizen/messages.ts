import type { Lang } from './schemas.js';

/**
 * The words of the messages that follow a citizen. `shortText` is the SMS/WhatsApp text: it stays
 * within one SMS segment (160 GSM-7 characters) for the usual lengths of names and numbers; the
 * tests check the longest realistic case. Bahasa Indonesia unless the citizen chose English.
 */
export interface Message {
  subject: string;
  text: string;
  shortText: string;
  push: { title: string; body: string };
}

export const SMS_SEGMENT = 160;

/** Shortens a name so the short text fits one segment. */
function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}.`;
}

export function turnNear(lang: Lang, p: { number: string; ahead: number; mppName: string; statusUrl: string }): Message {
  const mpp = clip(p.mppName, 40);
  if (lang === 'en') {
    const body = p.ahead === 0 ? `You are next. Please stay near the counters.` : `${p.ahead} ${p.ahead === 1 ? 'person' : 'people'} ahead of you. Please get ready.`;
    return {
      subject: `Ticket ${p.number}: your turn is near`,
      text: `Ticket ${p.number} at ${p.mppName}: ${body}\n\nLive status: ${p.statusUrl}`,
      shortText: `${p.number} ${mpp}: ${body}`,
      push: { title: `Your turn is near (${p.number})`, body },
    };
  }
  const body = p.ahead === 0 ? `Anda berikutnya. Tetap di dekat loket.` : `${p.ahead} orang lagi di depan Anda. Bersiaplah.`;
  return {
    subject: `Tiket ${p.number}: giliran Anda sudah dekat`,
    text: `Tiket ${p.number} di ${p.mppName}: ${body}\n\nStatus langsung: ${p.statusUrl}`,
    shortText: `${p.number} ${mpp}: ${body}`,
    push: { title: `Giliran Anda sudah dekat (${p.number})`, body },
  };
}

export function called(lang: Lang, p: { number: string; counter: string; mppName: string }): Message {
  const counter = clip(p.counter, 30);
  if (lang === 'en') {
    const body = `Ticket ${p.number} is called to ${counter}. Please go there now.`;
    return { subject: `Ticket ${p.number} is called`, text: `${body}\n\n${p.mppName}`, shortText: body, push: { title: `Called: ${p.number}`, body } };
  }
  const body = `Tiket ${p.number} dipanggil ke ${counter}. Silakan menuju loket sekarang.`;
  return { subject: `Tiket ${p.number} dipanggil`, text: `${body}\n\n${p.mppName}`, shortText: body, push: { title: `Dipanggil: ${p.number}`, body } };
}

export function surveyInvitation(lang: Lang, p: { number: string; serviceName: string; surveyUrl: string }): Message {
  if (lang === 'en') {
    return {
      subject: `How was your service? (${p.number})`,
      text: `Thank you for visiting. Please rate the service "${p.serviceName}" (ticket ${p.number}); it takes a minute and is anonymous:\n${p.surveyUrl}`,
      shortText: `Thank you. Rate the service, anonymously: ${p.surveyUrl}`,
      push: { title: 'How was your service?', body: `Rate "${clip(p.serviceName, 60)}" in a minute, anonymously.` },
    };
  }
  return {
    subject: `Bagaimana layanan kami? (${p.number})`,
    text: `Terima kasih atas kunjungan Anda. Mohon nilai layanan "${p.serviceName}" (tiket ${p.number}); hanya semenit dan anonim:\n${p.surveyUrl}`,
    shortText: `Terima kasih. Nilai layanan kami, anonim: ${p.surveyUrl}`,
    push: { title: 'Bagaimana layanan kami?', body: `Nilai "${clip(p.serviceName, 60)}" dalam semenit, anonim.` },
  };
}

const COMPLAINT_STATUS: Record<string, { id: string; en: string }> = {
  received: { id: 'diterima', en: 'received' },
  verified: { id: 'diverifikasi', en: 'verified' },
  not_ours: { id: 'bukan wewenang kami', en: 'not within our remit' },
  duplicate: { id: 'digabung dengan pengaduan lain', en: 'merged with another complaint' },
  archived: { id: 'diarsipkan', en: 'archived' },
  assigned: { id: 'diteruskan ke instansi', en: 'passed to the agency' },
  in_progress: { id: 'sedang ditangani', en: 'being handled' },
  answered: { id: 'dijawab', en: 'answered' },
  closed: { id: 'selesai', en: 'closed' },
};

export function complaintStatusLabel(status: string, lang: Lang): string {
  return COMPLAINT_STATUS[status]?.[lang] ?? status;
}

export function complaintChanged(lang: Lang, p: { code: string; status: string; answer: string | null; reason: string | null; trackUrl: string }): Message {
  const label = complaintStatusLabel(p.status, lang);
  if (lang === 'en') {
    const answered = p.status === 'answered';
    const short = answered ? `Complaint ${p.code} is answered. Read it: ${p.trackUrl}` : `Complaint ${p.code}: ${label}. ${p.trackUrl}`;
    const text = [
      `Your complaint ${p.code} is now: ${label}.`,
      answered && p.answer ? `\nAnswer:\n${p.answer}\n\nIf the answer does not settle it, you can reopen the complaint from the tracking page.` : '',
      p.reason ? `\nReason: ${p.reason}` : '',
      `\nFollow it: ${p.trackUrl}`,
    ].join('\n');
    return { subject: answered ? `Complaint ${p.code} is answered` : `Complaint ${p.code}: ${label}`, text, shortText: short, push: { title: `Complaint ${p.code}`, body: answered ? 'Your complaint is answered.' : `Status: ${label}.` } };
  }
  const answered = p.status === 'answered';
  const short = answered ? `Pengaduan ${p.code} sudah dijawab. Baca: ${p.trackUrl}` : `Pengaduan ${p.code}: ${label}. ${p.trackUrl}`;
  const text = [
    `Pengaduan Anda ${p.code} kini: ${label}.`,
    answered && p.answer ? `\nJawaban:\n${p.answer}\n\nBila jawaban belum menyelesaikan masalah, Anda dapat membuka kembali pengaduan dari halaman pelacakan.` : '',
    p.reason ? `\nAlasan: ${p.reason}` : '',
    `\nLacak: ${p.trackUrl}`,
  ].join('\n');
  return { subject: answered ? `Pengaduan ${p.code} sudah dijawab` : `Pengaduan ${p.code}: ${label}`, text, shortText: short, push: { title: `Pengaduan ${p.code}`, body: answered ? 'Pengaduan Anda sudah dijawab.' : `Status: ${label}.` } };
}
