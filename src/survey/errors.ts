import { defineErrors } from '../platform/errors.js';

export const surveyErrors = defineErrors('survey', {
  survey_token_unknown: {
    status: 404,
    id: 'Kode survei tidak dikenal. Periksa kembali kode pada tiket Anda.',
    en: 'Unknown survey code. Check the code on your ticket.',
  },
  survey_not_served: {
    status: 409,
    id: 'Layanan untuk tiket ini belum selesai diberikan. Survei hanya dapat diisi setelah Anda dilayani.',
    en: 'The service for this ticket has not been given yet. The survey opens once you have been served.',
  },
  survey_ticket_not_served: {
    status: 409,
    id: 'Tiket ini tidak dilayani (tidak hadir saat dipanggil atau dibatalkan), jadi tidak ada layanan yang dapat dinilai.',
    en: 'This ticket was not served (missed the call or cancelled), so there is no service to rate.',
  },
  survey_already_answered: {
    status: 409,
    id: 'Survei untuk layanan ini sudah diisi. Setiap layanan hanya dapat dinilai satu kali.',
    en: 'The survey for this service has already been answered. Each service can be rated once.',
  },
  survey_tablet_unpaired: {
    status: 409,
    id: 'Perangkat ini belum dipasangkan ke loket. Minta admin MPP memasangkannya.',
    en: 'This device is not paired with a counter yet. Ask the MPP admin to pair it.',
  },
  survey_handoff_gone: {
    status: 409,
    id: 'Survei ini sudah tidak tersedia di tablet (sudah diisi, diganti tiket berikutnya, atau kedaluwarsa).',
    en: 'This survey is no longer on the tablet (answered, replaced by the next ticket, or expired).',
  },
  survey_counter_mismatch: {
    status: 409,
    id: 'Tiket ini dilayani instansi lain, bukan instansi loket ini.',
    en: 'This ticket was served by another agency, not this counter’s agency.',
  },
  survey_device_not_kiosk: {
    status: 400,
    id: 'Hanya perangkat kios yang dapat dijadikan tablet survei.',
    en: 'Only a kiosk device can be used as a survey tablet.',
  },
  survey_unknown_counter: { status: 400, id: 'Loket tidak ditemukan di MPP ini.', en: 'No such counter in this MPP.' },
  survey_duplicate_label: {
    status: 400,
    id: 'Label untuk unsur {unsur} nilai {score} diisi lebih dari sekali.',
    en: 'The label for element {unsur} score {score} is given more than once.',
  },
});

export const reportErrors = defineErrors('survey', {
  survey_bad_period: { status: 400, id: 'Periode "{period}" tidak dikenal.', en: 'Unknown period "{period}".' },
  survey_pick_tenant: {
    status: 400,
    id: 'Anda mengelola lebih dari satu instansi: pilih instansinya (tenantId).',
    en: 'You manage more than one agency: choose one (tenantId).',
  },
  survey_nothing_published: { status: 404, id: 'MPP ini belum menerbitkan hasil survei.', en: 'This MPP has not published survey results yet.' },
});
