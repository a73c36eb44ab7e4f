import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type ExcelJS from 'exceljs';
import { loadExcel } from '../platform/lazy-modules.js';

/** A sheet as header names and rows of cell text; `line` is the spreadsheet row number (header = 1). */
export interface Sheet {
  headers: string[];
  rows: { line: number; cells: Record<string, string> }[];
}

export class SheetFormatError extends Error {}

function toSheet(matrix: string[][]): Sheet {
  const [head, ...body] = matrix;
  if (!head) throw new SheetFormatError('empty');
  const headers = head.map((h) => h.trim().toLowerCase());
  const rows = body
    .map((cells, i) => ({ line: i + 2, cells: Object.fromEntries(headers.map((h, k) => [h, (cells[k] ?? '').trim()])) }))
    .filter((r) => Object.values(r.cells).some((v) => v !== ''));
  return { headers, rows };
}

/** Reads CSV text; a header line with semicolons and no commas is read as semicolon-separated (Excel in an Indonesian locale). */
export function readCsv(text: string): Sheet {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  try {
    return toSheet(parse(text, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: false }) as string[][]);
  } catch (err) {
    if (err instanceof SheetFormatError) throw err;
    throw new SheetFormatError((err as Error).message);
  }
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return String(v.text);
    if ('result' in v) return v.result === undefined ? '' : cellText(v.result as ExcelJS.CellValue);
    return '';
  }
  return String(v);
}

/** Reads the first worksheet of an XLSX file. */
export async function readXlsx(data: Buffer): Promise<Sheet> {
  const wb = new (await loadExcel()).Workbook();
  try {
    await wb.xlsx.load(data as never);
  } catch (err) {
    throw new SheetFormatError((err as Error).message);
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new SheetFormatError('no worksheet');
  const matrix: string[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(ws.columnCount, row.cellCount); c++) cells.push(cellText(row.getCell(c).value));
    matrix.push(cells);
  }
  return toSheet(matrix);
}

export function writeCsv(headers: string[], rows: Record<string, string | number | boolean>[]): Buffer {
  return Buffer.from(`\uFEFF${stringify([headers, ...rows.map((r) => headers.map((h) => r[h] ?? ''))])}`, 'utf8');
}

export async function writeXlsx(sheetName: string, headers: string[], rows: Record<string, string | number | boolean>[]): Promise<Buffer> {
  const wb = new (await loadExcel()).Workbook();
  const ws = wb.addWorksheet(sheetName);
  ws.columns = headers.map((h) => ({ header: h, key: h, width: Math.max(12, h.length + 2) }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
