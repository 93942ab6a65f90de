import { describe, expect, it } from 'vitest';
import { writeXlsxRows } from '@lianxin/model/xlsx';
import { decodeCsv, readSpreadsheet } from './readSpreadsheet';

describe('readSpreadsheet', () => {
  it('reads UTF-8 CSV with a BOM', async () => {
    const bytes = new TextEncoder().encode('\uFEFF楼号,户主\n58,徐中立\n');
    expect(await readSpreadsheet('花名册.csv', bytes)).toEqual({ type: 'sheets', sheets: [{ name: '花名册', rows: [['楼号', '户主'], ['58', '徐中立']] }] });
  });

  it('reads GB18030 CSV as Excel on Chinese Windows saves it', () => {
    // "楼号,户主" in GBK
    const gbk = new Uint8Array([0xc2, 0xa5, 0xba, 0xc5, 0x2c, 0xbb, 0xa7, 0xd6, 0xf7]);
    expect(decodeCsv(gbk)).toBe('楼号,户主');
  });

  it('reads XLSX written by the model', async () => {
    const bytes = await writeXlsxRows([
      ['楼号', '户主'],
      ['58', '徐中立'],
    ]);
    const read = await readSpreadsheet('roster.xlsx', bytes);
    expect(read.type).toBe('sheets');
    if (read.type === 'sheets') expect(read.sheets.map((s) => [s.name, s.rows.slice(0, 2)])).toEqual([['花名册', [['楼号', '户主'], ['58', '徐中立']]]]);
  });

  it('refuses empty files, unknown formats and broken XLSX with a reason', async () => {
    expect(await readSpreadsheet('a.csv', new Uint8Array())).toEqual({ type: 'unreadable', reason: 'empty' });
    expect(await readSpreadsheet('a.pdf', new Uint8Array([1, 2, 3]))).toEqual({ type: 'unreadable', reason: 'format' });
    expect(await readSpreadsheet('a.xlsx', new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]))).toEqual({ type: 'unreadable', reason: 'xlsx' });
  });
});
