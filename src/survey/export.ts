import type ExcelJS from 'exceljs';
import { loadExcel, loadPdfKit } from '../platform/lazy-modules.js';
import type { Lang } from '../platform/i18n.js';
import { PROFILE_LABELS } from './questionnaire.js';
import type { SurveyReport } from './schemas.js';

/**
 * Downloads laid out like published SKM reports: the recapitulation per unsur (total, NRR,
 * NRR x 1/9), the index, IKM, mutu and kinerja, the sample, respondent-profile tables, the
 * comparison of agencies and services, and the suggestions.
 */

type Suggestion = { serviceName: string; tenantName: string; text: string };
type L = (id: string, en: string) => string;


function scopeLine(r: SurveyReport, t: L): string {
  const parts = [r.scope.mppName];
  if (r.scope.tenantName) parts.push(r.scope.tenantName);
  if (r.scope.serviceName) parts.push(r.scope.serviceName);
  if (!r.scope.tenantName) parts.push(t('seluruh instansi', 'all agencies'));
  return parts.join(' · ');
}

const weightNote = (r: SurveyReport, t: L) =>
  r.summary.complete
    ? t('Bobot tiap unsur 1/9; IKM dibulatkan hanya pada hasil akhir.', 'Each element weighs 1/9; the IKM is rounded only at the end.')
    : t('Tidak semua unsur dijawab: bobot 1/k atas unsur yang dijawab.', 'Not every element was answered: weight 1/k over the answered elements.');

const CONVERSION = [
  ['1', '1,00 - 2,5996', '25,00 - 64,99', 'D', 'Tidak Baik'],
  ['2', '2,60 - 3,064', '65,00 - 76,60', 'C', 'Kurang Baik'],
  ['3', '3,0644 - 3,532', '76,61 - 88,30', 'B', 'Baik'],
  ['4', '3,5324 - 4,00', '88,31 - 100,00', 'A', 'Sangat Baik'],
];

interface Column {
  title: string;
  width: number;
  align?: 'left' | 'right' | 'center';
}

export async function reportPdf(r: SurveyReport, suggestions: Suggestion[], lang: Lang): Promise<Buffer> {
  const t: L = (id, en) => (lang === 'en' ? en : id);
  // Indonesian reports write decimals with a comma.
  const fmt = (n: number | null, d: number) => (n === null ? '-' : lang === 'en' ? n.toFixed(d) : n.toFixed(d).replace('.', ','));
  const pct = (n: number | null) => (n === null ? '-' : `${fmt(Math.round(n * 1000) / 10, 1)}%`);
  const PDFDocument = await loadPdfKit();
  const doc = new PDFDocument({ size: 'A4', margin: 40, info: { Title: `SKM ${r.scope.mppName} ${r.period.code}`, Author: 'Layan' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const left = 40;
  const bottom = 800;

  const ensure = (h: number) => {
    if (doc.y + h > bottom) doc.addPage();
  };
  const heading = (text: string) => {
    ensure(40);
    doc.moveDown(0.6).font('Helvetica-Bold').fontSize(11).fillColor('#000').text(text, left, doc.y);
    doc.moveDown(0.3);
  };
  const table = (cols: Column[], rows: string[][], opts: { boldLast?: number } = {}) => {
    const rowH = 16;
    const draw = (cells: string[], bold: boolean, fill?: string) => {
      ensure(rowH);
      const y = doc.y;
      let x = left;
      const total = cols.reduce((s, c) => s + c.width, 0);
      if (fill) doc.rect(left, y, total, rowH).fill(fill);
      doc.fillColor('#000').font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8.5);
      cols.forEach((c, i) => {
        doc.text(cells[i] ?? '', x + 3, y + 4, { width: c.width - 6, align: c.align ?? 'left', lineBreak: false, ellipsis: true });
        x += c.width;
      });
      doc.lineWidth(0.5).strokeColor('#999').rect(left, y, total, rowH).stroke();
      x = left;
      for (const c of cols.slice(0, -1)) {
        x += c.width;
        doc.moveTo(x, y).lineTo(x, y + rowH).stroke();
      }
      doc.x = left;
      doc.y = y + rowH;
    };
    draw(cols.map((c) => c.title), true, '#e8eef6');
    rows.forEach((row, i) => draw(row, opts.boldLast !== undefined && i >= rows.length - opts.boldLast));
  };

  // Title block
  doc.font('Helvetica-Bold').fontSize(14).text(t('LAPORAN SURVEI KEPUASAN MASYARAKAT', 'PUBLIC SATISFACTION SURVEY REPORT'), { align: 'center' });
  doc.font('Helvetica').fontSize(10).text(scopeLine(r, t), { align: 'center' });
  doc.text(`${t('Periode', 'Period')}: ${t(r.period.label.id, r.period.label.en)} (${r.period.from} - ${r.period.to}, ${t('tanpa hari terakhir', 'end exclusive')})`, { align: 'center' });
  doc.fontSize(8).fillColor('#555').text(t('Menurut PermenPANRB No. 14 Tahun 2017', 'Following PermenPANRB No. 14 of 2017'), { align: 'center' }).fillColor('#000');

  // Result box
  doc.moveDown(0.8);
  const boxY = doc.y;
  doc.lineWidth(1).strokeColor('#1f4e79').rect(left, boxY, 515, 64).stroke();
  doc.font('Helvetica').fontSize(9).text(t('Indeks Kepuasan Masyarakat (IKM)', 'Satisfaction index (IKM)'), left + 12, boxY + 8);
  doc.font('Helvetica-Bold').fontSize(26).text(fmt(r.summary.ikm, 2), left + 12, boxY + 22);
  const g = r.summary.grade;
  doc.font('Helvetica').fontSize(9).text(t('Mutu pelayanan', 'Service quality'), left + 180, boxY + 8);
  doc.font('Helvetica-Bold').fontSize(26).text(g?.mutu ?? '-', left + 180, boxY + 22);
  doc.font('Helvetica').fontSize(9).text(t('Kinerja unit', 'Unit performance'), left + 260, boxY + 8);
  doc.font('Helvetica-Bold').fontSize(13).text(g ? t(g.kinerja.id, g.kinerja.en) : '-', left + 260, boxY + 28);
  doc.font('Helvetica').fontSize(9).text(`${t('Responden', 'Respondents')}: ${r.summary.respondents}`, left + 390, boxY + 8);
  doc.text(`${t('Populasi dilayani', 'People served')}: ${r.sample.population}`, left + 390, boxY + 22);
  doc.text(`${t('Sampel minimal', 'Minimum sample')}: ${r.sample.required} (${pct(r.sample.progress)})`, left + 390, boxY + 36);
  doc.x = left;
  doc.y = boxY + 72;

  heading(t('Rekapitulasi nilai per unsur pelayanan', 'Recapitulation per service element'));
  const cols: Column[] = [
    { title: t('Unsur', 'Element'), width: 34, align: 'center' },
    { title: t('Uraian', 'Description'), width: 191 },
    { title: t('Jumlah nilai', 'Total score'), width: 66, align: 'right' },
    { title: t('Jumlah jawaban', 'Answers'), width: 86, align: 'right' },
    { title: 'NRR', width: 60, align: 'right' },
    { title: t('NRR x bobot', 'NRR x weight'), width: 78, align: 'right' },
  ];
  const rows = r.unsur.map((u) => [u.code, t(u.name.id, u.name.en), String(u.sum), String(u.answers), fmt(u.nrr, 3), fmt(u.nrrWeighted, 3)]);
  rows.push(['', t('Nilai indeks (jumlah NRR x bobot)', 'Index (sum of NRR x weight)'), '', '', '', fmt(r.summary.index, 4)]);
  rows.push(['', t('IKM (nilai indeks x 25)', 'IKM (index x 25)'), '', '', '', fmt(r.summary.ikm, 2)]);
  rows.push(['', t('Mutu / kinerja unit pelayanan', 'Quality / unit performance'), '', '', '', g ? `${g.mutu} / ${t(g.kinerja.id, g.kinerja.en)}` : '-']);
  table(cols, rows, { boldLast: 3 });
  doc.font('Helvetica').fontSize(7.5).fillColor('#555').text(weightNote(r, t), left, doc.y + 3).fillColor('#000');

  // Bar chart of NRR per unsur (scale 1-4)
  heading(t('Grafik NRR per unsur', 'NRR per element'));
  ensure(130);
  const chartY = doc.y;
  const chartH = 100;
  const barW = 40;
  doc.lineWidth(0.5).strokeColor('#bbb');
  for (const v of [1, 2, 3, 4]) {
    const y = chartY + chartH - (v / 4) * chartH;
    doc.moveTo(left + 20, y).lineTo(left + 20 + 9 * (barW + 12), y).stroke();
    doc.font('Helvetica').fontSize(7).fillColor('#555').text(String(v), left, y - 3, { width: 14, align: 'right' });
  }
  r.unsur.forEach((u, i) => {
    const x = left + 26 + i * (barW + 12);
    const h = ((u.nrr ?? 0) / 4) * chartH;
    doc.rect(x, chartY + chartH - h, barW, h).fill('#2e75b6');
    doc.fillColor('#000').fontSize(7).text(fmt(u.nrr, 2), x, chartY + chartH - h - 10, { width: barW, align: 'center' });
    doc.text(u.code, x, chartY + chartH + 3, { width: barW, align: 'center' });
  });
  doc.x = left;
  doc.y = chartY + chartH + 16;

  heading(t('Profil responden', 'Respondent profile'));
  for (const key of ['gender', 'ageGroup', 'education', 'occupation'] as const) {
    const title = PROFILE_LABELS[key].title;
    const total = r.profile[key].reduce((s, p) => s + p.count, 0);
    table(
      [
        { title: t(title.id, title.en), width: 200 },
        { title: t('Jumlah', 'Count'), width: 70, align: 'right' },
        { title: '%', width: 60, align: 'right' },
      ],
      r.profile[key].map((p) => [t(p.label.id, p.label.en), String(p.count), total ? fmt((p.count / total) * 100, 1) : '-']),
    );
    doc.moveDown(0.4);
  }

  if (r.tenants.length) {
    heading(t('Perbandingan instansi', 'Agencies compared'));
    table(
      [
        { title: t('Instansi', 'Agency'), width: 255 },
        { title: t('Responden', 'Respondents'), width: 80, align: 'right' },
        { title: 'IKM', width: 60, align: 'right' },
        { title: t('Mutu', 'Quality'), width: 40, align: 'center' },
        { title: t('Kinerja', 'Performance'), width: 80 },
      ],
      r.tenants.map((x) => [x.name, String(x.respondents), fmt(x.ikm, 2), x.grade?.mutu ?? '-', x.grade ? t(x.grade.kinerja.id, x.grade.kinerja.en) : '-']),
    );
  }
  if (r.services.length) {
    heading(t('Per jenis layanan', 'Per service'));
    table(
      [
        { title: t('Layanan', 'Service'), width: 190 },
        { title: t('Instansi', 'Agency'), width: 125 },
        { title: t('Responden', 'Respondents'), width: 80, align: 'right' },
        { title: 'IKM', width: 60, align: 'right' },
        { title: t('Mutu', 'Quality'), width: 60, align: 'center' },
      ],
      r.services.map((x) => [x.name, x.tenantName, String(x.respondents), fmt(x.ikm, 2), x.grade?.mutu ?? '-']),
    );
  }

  heading(t('Saran dan masukan', 'Suggestions'));
  doc.font('Helvetica').fontSize(8.5);
  if (!suggestions.length) doc.text(t('Tidak ada saran pada periode ini.', 'No suggestions in this period.'));
  for (const s of suggestions) {
    ensure(24);
    doc.font('Helvetica-Bold').text(`${s.tenantName} · ${s.serviceName}: `, left, doc.y, { continued: true }).font('Helvetica').text(s.text, { width: 515 });
  }

  heading(t('Tabel konversi (PermenPANRB 14/2017)', 'Conversion table (PermenPANRB 14/2017)'));
  table(
    [
      { title: t('Nilai persepsi', 'Perception'), width: 80, align: 'center' },
      { title: t('Nilai interval', 'Interval'), width: 110, align: 'center' },
      { title: t('Nilai interval konversi (IKM)', 'Converted (IKM)'), width: 140, align: 'center' },
      { title: t('Mutu', 'Quality'), width: 60, align: 'center' },
      { title: t('Kinerja unit', 'Unit performance'), width: 125 },
    ],
    CONVERSION,
  );

  doc.end();
  return done;
}

export async function reportXlsx(r: SurveyReport, suggestions: Suggestion[], lang: Lang): Promise<Buffer> {
  const t: L = (id, en) => (lang === 'en' ? en : id);
  const wb = new (await loadExcel()).Workbook();
  wb.creator = 'Layan';
  const bold = { bold: true } as const;
  const head = (ws: ExcelJS.Worksheet, row: ExcelJS.Row) => {
    row.font = bold;
    row.eachCell((c) => {
      c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF6' } };
      c.border = { bottom: { style: 'thin' } };
    });
    void ws;
  };

  const ws = wb.addWorksheet(t('Rekapitulasi', 'Recapitulation'));
  ws.columns = [{ width: 8 }, { width: 44 }, { width: 14 }, { width: 16 }, { width: 10 }, { width: 16 }];
  ws.addRow([t('LAPORAN SURVEI KEPUASAN MASYARAKAT', 'PUBLIC SATISFACTION SURVEY REPORT')]).font = { bold: true, size: 14 };
  ws.addRow([scopeLine(r, t)]);
  ws.addRow([`${t('Periode', 'Period')}: ${t(r.period.label.id, r.period.label.en)} (${r.period.from} s.d. ${r.period.to}, ${t('tanpa hari terakhir', 'end exclusive')})`]);
  ws.addRow([]);
  head(ws, ws.addRow([t('Unsur', 'Element'), t('Uraian', 'Description'), t('Jumlah nilai', 'Total score'), t('Jumlah jawaban', 'Answers'), 'NRR', t('NRR x bobot', 'NRR x weight')]));
  for (const u of r.unsur) ws.addRow([u.code, t(u.name.id, u.name.en), u.sum, u.answers, u.nrr, u.nrrWeighted]);
  ws.addRow(['', t('Nilai indeks', 'Index'), '', '', '', r.summary.index]).font = bold;
  ws.addRow(['', t('IKM (nilai indeks x 25)', 'IKM (index x 25)'), '', '', '', r.summary.ikm]).font = bold;
  ws.addRow(['', t('Mutu pelayanan', 'Service quality'), '', '', '', r.summary.grade?.mutu ?? '-']).font = bold;
  ws.addRow(['', t('Kinerja unit pelayanan', 'Unit performance'), '', '', '', r.summary.grade ? t(r.summary.grade.kinerja.id, r.summary.grade.kinerja.en) : '-']).font = bold;
  ws.addRow([]);
  ws.addRow(['', t('Jumlah responden', 'Respondents'), r.summary.respondents]);
  ws.addRow(['', t('Populasi dilayani (N)', 'People served (N)'), r.sample.population]);
  ws.addRow(['', t('Sampel minimal Krejcie-Morgan', 'Krejcie-Morgan minimum sample'), r.sample.required]);
  ws.addRow(['', t('Capaian sampel', 'Sample reached'), r.sample.progress]);
  ws.addRow(['', weightNote(r, t)]);
  for (const c of ['E', 'F']) ws.getColumn(c).numFmt = '0.000';

  const prof = wb.addWorksheet(t('Profil Responden', 'Respondent profile'));
  prof.columns = [{ width: 30 }, { width: 12 }, { width: 10 }];
  for (const key of ['gender', 'ageGroup', 'education', 'occupation'] as const) {
    const title = PROFILE_LABELS[key].title;
    head(prof, prof.addRow([t(title.id, title.en), t('Jumlah', 'Count'), '%']));
    const total = r.profile[key].reduce((s, p) => s + p.count, 0);
    for (const p of r.profile[key]) prof.addRow([t(p.label.id, p.label.en), p.count, total ? Math.round((p.count / total) * 1000) / 10 : null]);
    prof.addRow([]);
  }

  if (r.tenants.length) {
    const wt = wb.addWorksheet(t('Per Instansi', 'Per agency'));
    wt.columns = [{ width: 40 }, { width: 12 }, { width: 10 }, { width: 8 }, { width: 16 }];
    head(wt, wt.addRow([t('Instansi', 'Agency'), t('Responden', 'Respondents'), 'IKM', t('Mutu', 'Quality'), t('Kinerja', 'Performance')]));
    for (const x of r.tenants) wt.addRow([x.name, x.respondents, x.ikm, x.grade?.mutu ?? '-', x.grade ? t(x.grade.kinerja.id, x.grade.kinerja.en) : '-']);
  }
  if (r.services.length) {
    const wsv = wb.addWorksheet(t('Per Layanan', 'Per service'));
    wsv.columns = [{ width: 40 }, { width: 30 }, { width: 12 }, { width: 10 }, { width: 8 }];
    head(wsv, wsv.addRow([t('Layanan', 'Service'), t('Instansi', 'Agency'), t('Responden', 'Respondents'), 'IKM', t('Mutu', 'Quality')]));
    for (const x of r.services) wsv.addRow([x.name, x.tenantName, x.respondents, x.ikm, x.grade?.mutu ?? '-']);
  }
  const sg = wb.addWorksheet(t('Saran', 'Suggestions'));
  sg.columns = [{ width: 30 }, { width: 30 }, { width: 80 }];
  head(sg, sg.addRow([t('Instansi', 'Agency'), t('Layanan', 'Service'), t('Saran', 'Suggestion')]));
  for (const s of suggestions) sg.addRow([s.tenantName, s.serviceName, s.text]);

  return Buffer.from(await wb.xlsx.writeBuffer());
}
