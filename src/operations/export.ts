import { stringify } from 'csv-stringify/sync';
import { loadExcel } from '../platform/lazy-modules.js';
import type { Lang } from '../platform/i18n.js';
import type { Kpis, Stats } from './schemas.js';

/** The statistics as a flat table: one row per group and a total row, the same figures as the API. */
function table(stats: Stats, lang: Lang): { header: string[]; rows: (string | number | null)[][] } {
  const L = (id: string, en: string) => (lang === 'en' ? en : id);
  const header = [
    L('Kelompok', 'Group'), L('Tiket diambil', 'Issued'), L('Booking', 'Booked'), L('Datang langsung', 'Walk-in'),
    L('Dilayani', 'Served'), L('Tidak hadir', 'No-show'), L('Batal', 'Cancelled'), L('Dialihkan', 'Transferred'),
    L('Rasio tidak hadir', 'No-show rate'), L(`Dipanggil < ${stats.targetWaitMinutes} menit`, `Called < ${stats.targetWaitMinutes} min`),
    L('Tunggu rata-rata (detik)', 'Mean wait (s)'), L('Tunggu median (menit)', 'Median wait (min)'), L('Tunggu p90 (menit)', 'p90 wait (min)'),
    L('Jalan ke loket median (menit)', 'Median walk (min)'),
    L('Layanan rata-rata (detik)', 'Mean service (s)'), L('Layanan median (menit)', 'Median service (min)'), L('Layanan p90 (menit)', 'p90 service (min)'),
    L('Total median (menit)', 'Median total (min)'), L('Total p90 (menit)', 'p90 total (min)'),
  ];
  const row = (label: string, k: Kpis) => [
    label, k.issued, k.booked, k.walkIn, k.served, k.noShow, k.cancelled, k.transferred, k.noShowRate, k.withinTargetShare,
    k.wait.meanSeconds, k.wait.medianMinutes, k.wait.p90Minutes, k.walk.medianMinutes,
    k.service.meanSeconds, k.service.medianMinutes, k.service.p90Minutes, k.total.medianMinutes, k.total.p90Minutes,
  ];
  return { header, rows: [...stats.groups.map((g) => row(g.label, g.kpis)), row(L('Jumlah', 'Total'), stats.totals)] };
}

export function statsCsv(stats: Stats, lang: Lang): string {
  const { header, rows } = table(stats, lang);
  // A BOM so that Excel opens the UTF-8 names (Dukcapil, Kantor Pertanahan, ...) correctly.
  return '\ufeff' + stringify([header, ...rows.map((r) => r.map((v) => (v === null ? '' : v)))]);
}

export async function statsXlsx(stats: Stats, lang: Lang): Promise<Buffer> {
  const { header, rows } = table(stats, lang);
  const wb = new (await loadExcel()).Workbook();
  wb.creator = 'Layan';
  const ws = wb.addWorksheet(lang === 'en' ? 'Statistics' : 'Statistik');
  ws.addRow([`${stats.mppName}: ${stats.from} – ${stats.to} (${stats.timezone})`]).font = { bold: true };
  ws.addRow([]);
  ws.addRow(header).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  ws.getColumn(1).width = 48;
  const heat = wb.addWorksheet(lang === 'en' ? 'Arrivals' : 'Kedatangan');
  heat.addRow([lang === 'en' ? 'Weekday \\ hour' : 'Hari \\ jam', ...Array.from({ length: 24 }, (_, h) => h)]).font = { bold: true };
  const days = lang === 'en' ? ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] : ['Sen', 'Sel', 'Rab', 'Kam', 'Jum', 'Sab', 'Min'];
  stats.heatmap.forEach((hours, d) => heat.addRow([days[d], ...hours]));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
