// Reads an uploaded roster file into rows of cells: XLSX through the model, CSV as text in
// UTF-8 or, failing that, GB18030 (what Excel on Chinese Windows saves).
import { parseCsv } from '@lianxin/model';

export type SpreadsheetRead = { type: 'rows'; rows: string[][] } | { type: 'unreadable'; reason: 'format' | 'empty' | 'xlsx' };

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
    const { readXlsxRows } = await import('./xlsxCodec');
    const read = await readXlsxRows(bytes);
    return read.type === 'rows' ? { type: 'rows', rows: read.rows } : { type: 'unreadable', reason: 'xlsx' };
  }
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return { type: 'rows', rows: parseCsv(decodeCsv(bytes)) };
  return { type: 'unreadable', reason: 'format' };
}
