/**
 * CSV as committees exchange it: RFC 4180 quoting, CRLF or LF, an optional UTF-8 BOM (Excel on
 * Windows writes one and needs one to read Chinese correctly). GBK is not supported.
 */

/** Parses CSV text into rows of cells. Never throws: an unclosed quote runs to the end. */
export function parseCsv(text: string): string[][] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      cell += ch;
      i++;
      continue;
    }
    if (ch === '"' && cell === '') {
      quoted = true;
      i++;
    } else if (ch === ',') {
      row.push(cell);
      cell = '';
      i++;
    } else if (ch === '\r' || ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += ch === '\r' && src[i + 1] === '\n' ? 2 : 1;
    } else {
      cell += ch;
      i++;
    }
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

const NEEDS_QUOTES = /[",\r\n]/;
/** Cells Excel would run as formulas (CSV injection); phone numbers like +86… are left alone. */
const FORMULA = /^(=|@|[+-](?![\d\s().-]*$))/;

function cell(value: string): string {
  const safe = FORMULA.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Writes rows as CSV with a BOM and CRLF line ends, quoting only where needed. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return `\ufeff${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
