import { defineErrors } from '../platform/errors.js';

export const calendarErrors = defineErrors('calendar', {
  day_taken: {
    status: 409,
    id: 'Tanggal {day} sudah tercatat di kalender ini.',
    en: 'The date {day} is already in this calendar.',
  },
});
