import { describe, expect, it } from 'vitest';
import { callAnnouncement, formatTicketNumber, speakCounterLabel, terbilang } from './speech.js';

describe('terbilang (number in Indonesian words)', () => {
  it.each([
    [0, 'nol'],
    [1, 'satu'],
    [10, 'sepuluh'],
    [11, 'sebelas'],
    [12, 'dua belas'],
    [19, 'sembilan belas'],
    [20, 'dua puluh'],
    [21, 'dua puluh satu'],
    [99, 'sembilan puluh sembilan'],
    [100, 'seratus'],
    [101, 'seratus satu'],
    [111, 'seratus sebelas'],
    [115, 'seratus lima belas'],
    [200, 'dua ratus'],
    [999, 'sembilan ratus sembilan puluh sembilan'],
    [1000, 'seribu'],
    [1001, 'seribu satu'],
    [1500, 'seribu lima ratus'],
    [2000, 'dua ribu'],
    [11000, 'sebelas ribu'],
    [100000, 'seratus ribu'],
    [123456, 'seratus dua puluh tiga ribu empat ratus lima puluh enam'],
    [1000000, 'satu juta'],
    [2500000, 'dua juta lima ratus ribu'],
    [1000000000, 'satu miliar'],
  ])('%i -> %s', (n, words) => {
    expect(terbilang(n)).toBe(words);
  });

  it('refuses what it cannot read', () => {
    expect(() => terbilang(-1)).toThrow(RangeError);
    expect(() => terbilang(1.5)).toThrow(RangeError);
    expect(() => terbilang(1e12)).toThrow(RangeError);
  });
});

describe('call announcement', () => {
  it('reads the number naturally and names the counter by the label the board shows', () => {
    expect(callAnnouncement('A', 12, 'Loket 3')).toBe('Nomor antrean A dua belas, silakan menuju loket tiga.');
    expect(callAnnouncement('SK', 101, 'Loket 11')).toBe('Nomor antrean S K seratus satu, silakan menuju loket sebelas.');
    expect(callAnnouncement('A', 7, 'Loket DUKCAPIL 1')).toBe('Nomor antrean A tujuh, silakan menuju loket Dukcapil satu.');
  });

  it.each([
    ['Loket DUKCAPIL 1', 'loket Dukcapil satu'],
    ['Loket SAMSAT 2', 'loket Samsat dua'],
    ['Loket BPJS-KES 1', 'loket B P J S Kes satu'],
    ['Loket PLN 10', 'loket P L N sepuluh'],
    ['Loket SKCK 3', 'loket S K C K tiga'],
    ['Loket SIM 2', 'loket Sim dua'],
    ['Meja Informasi', 'meja Informasi'],
    ['Loket A3', 'loket A tiga'],
  ])('reads the label %s as "%s"', (label, spoken) => {
    expect(speakCounterLabel(label)).toBe(spoken);
  });

  it('prints numbers with three digits at least', () => {
    expect(formatTicketNumber('A', 1)).toBe('A-001');
    expect(formatTicketNumber('B', 1234)).toBe('B-1234');
  });
});
