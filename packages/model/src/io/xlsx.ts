/**
 * XLSX through read-excel-file and write-excel-file, both from their `universal` entries (fflate
 * inside, no Node built-ins, no workers), so the same code runs in Node and in the browser.
 */
import readXlsxFile from 'read-excel-file/universal';
import writeXlsxFile from 'write-excel-file/universal';

/** A cell as committees mean it: phones stored as numbers come back without exponent or `.0`. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(Math.round(value)).toString() : String(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  return String(value);
}

export type XlsxReadResult = { type: 'rows'; rows: string[][]; sheet: string } | { type: 'unreadable'; reason: string };

/** Rows of the first sheet as strings. Never throws: an unreadable file is reported as such. */
export async function readXlsxRows(bytes: ArrayBuffer | Uint8Array): Promise<XlsxReadResult> {
  const buffer = bytes instanceof Uint8Array ? bytes.slice().buffer : bytes;
  try {
    const sheets = await readXlsxFile(buffer);
    const first = sheets[0];
    if (!first) return { type: 'unreadable', reason: 'the workbook has no sheet' };
    return { type: 'rows', sheet: first.sheet, rows: first.data.map((row) => row.map(cellText)) };
  } catch (error) {
    return { type: 'unreadable', reason: error instanceof Error ? error.message.slice(0, 200) : 'not an xlsx file' };
  }
}

export type XlsxSheetsResult = { type: 'sheets'; sheets: Array<{ name: string; rows: string[][] }> } | { type: 'unreadable'; reason: string };

/** Every sheet's rows as strings, in workbook order (a roster and its 党员名单 travel together). */
export async function readXlsxSheets(bytes: ArrayBuffer | Uint8Array): Promise<XlsxSheetsResult> {
  const buffer = bytes instanceof Uint8Array ? bytes.slice().buffer : bytes;
  try {
    const sheets = await readXlsxFile(buffer);
    if (sheets.length === 0) return { type: 'unreadable', reason: 'the workbook has no sheet' };
    return { type: 'sheets', sheets: sheets.map((s) => ({ name: s.sheet, rows: s.data.map((row) => row.map(cellText)) })) };
  } catch (error) {
    return { type: 'unreadable', reason: error instanceof Error ? error.message.slice(0, 200) : 'not an xlsx file' };
  }
}

/** Writes rows to an XLSX workbook with one sheet; every cell is text (a phone stays a phone). */
export async function writeXlsxRows(rows: readonly (readonly string[])[], sheetName = '花名册'): Promise<Uint8Array> {
  const data = rows.map((row, r) => row.map((value) => ({ value, type: String, ...(r === 0 ? { fontWeight: 'bold' as const } : {}) })));
  const blob = await writeXlsxFile(data as never, { sheet: sheetName }).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}
