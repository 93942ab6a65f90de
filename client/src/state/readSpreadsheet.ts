// Reads an uploaded roster file into sheets of rows of cells: every sheet of an XLSX through the
// model (a roster travels with its 党员名单), CSV as one sheet of text in UTF-8 or, failing that,
// GB18030 (what Excel on Chinese Windows saves).
import { parseCsv, type WorkbookSheet } from '@lianxin/model';

export type SpreadsheetRead = { type: 'sheets'; sheets: WorkbookSheet[] } | { type: 'unreadable'; reason: 'format' | 'empty' | 'xlsx' };

const MAX_BYTES = 20 * 1024 * 1024;

export function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

export async function readSpreadsheet(name: string, bytes: Uint8Array): Promise<SpreadsheetRead> {
  if (bytes.length === 0) return { type: 'unreadable', reason: 'empty' };
  if (bytes.length > MAX_BYTES) return { type: 'unreadable', reason: 'format' };
  const lower = name.toLowerCase();
  // XLSX files are zip archives: "PK".
  if (lower.endsWith('.xlsx') || (bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    const { readXlsxSheets } = await import('./xlsxCodec');
    const read = await readXlsxSheets(bytes);
    return read.type === 'sheets' ? { type: 'sheets', sheets: read.sheets } : { type: 'unreadable', reason: 'xlsx' };
  }
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return { type: 'sheets', sheets: [{ name: name.replace(/\.(csv|txt)$/i, ''), rows: parseCsv(decodeCsv(bytes)) }] };
  return { type: 'unreadable', reason: 'format' };
}
