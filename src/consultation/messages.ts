/** Messages to the citizen (Bahasa Indonesia; the outbox sends email text and an SMS/WhatsApp short text). */
export function consultationReceived(p: { code: string; tenantName: string; due: string; url: string }) {
  return {
    subject: `Konsultasi ${p.code} diterima`,
    text: `Pertanyaan Anda untuk ${p.tenantName} diterima dengan kode ${p.code}. Jawaban paling lambat ${p.due}. Lihat di Layanan saya: ${p.url}`,
    shortText: `Konsultasi ${p.code} diterima (${p.tenantName}). Jawaban paling lambat ${p.due}. ${p.url}`,
  };
}

export function consultationAnswered(p: { code: string; tenantName: string; answer: string; url: string }) {
  const short = p.answer.length > 80 ? `${p.answer.slice(0, 79)}…` : p.answer;
  return {
    subject: `Jawaban konsultasi ${p.code} dari ${p.tenantName}`,
    text: `${p.tenantName} menjawab konsultasi ${p.code}:\n\n${p.answer}\n\nLihat di Layanan saya: ${p.url}`,
    shortText: `${p.tenantName} menjawab konsultasi ${p.code}: "${short}" ${p.url}`,
  };
}

export function consultationScheduled(p: { code: string; tenantName: string; when: string; meetingUrl: string; url: string }) {
  return {
    subject: `Konsultasi daring ${p.code} dijadwalkan`,
    text: `${p.tenantName} mengonfirmasi konsultasi daring ${p.code} pada ${p.when}. Tautan pertemuan: ${p.meetingUrl}\nLihat di Layanan saya: ${p.url}`,
    shortText: `Konsultasi daring ${p.code}: ${p.when}. Tautan: ${p.meetingUrl}`,
  };
}
