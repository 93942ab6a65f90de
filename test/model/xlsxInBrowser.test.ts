// The XLSX and CSV code must run in the browser too (the committee imports in the client): bundle
// the model for the browser with esbuild and round-trip a roster through XLSX inside Chromium.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import type * as ModelApi from '@lianxin/model';
import type * as XlsxApi from '@lianxin/model/xlsx';
import type { Doc } from 'yjs';

let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});

afterAll(async () => {
  await browser?.close();
});

describe('import/export in a browser', () => {
  it('writes and reads XLSX and previews an import in Chromium', async () => {
    const bundle = await build({
      stdin: {
        contents:
          "export { previewImport, readRoster, parseCsv, toCsv } from '@lianxin/model'; export { writeXlsxRows, readXlsxRows } from '@lianxin/model/xlsx'; export { Doc } from 'yjs';",
        resolveDir: fileURLToPath(new URL('.', import.meta.url)),
        loader: 'ts',
      },
      bundle: true,
      format: 'iife',
      globalName: 'Model',
      platform: 'browser',
      write: false,
      logLevel: 'silent',
    });
    const page = await browser.newPage();
    await page.setContent('<!doctype html><meta charset="utf-8"><title>model</title>');
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
    const result = await page.evaluate(async () => {
      const M = (window as unknown as { Model: typeof ModelApi & typeof XlsxApi & { Doc: typeof Doc } }).Model;
      const rows = [
        ['网格', '楼号', '单元', '房号', '户主', '电话'],
        ['第一网格', '58', '3', '301', '徐中立', '13812345678'],
      ];
      const bytes = await M.writeXlsxRows(rows);
      const read = await M.readXlsxRows(bytes);
      if (read.type !== 'rows') return { error: read.reason };
      const preview = M.previewImport(read.rows, M.readRoster(new M.Doc()).view);
      return { rows: read.rows, statuses: preview.rows.map((r) => r.status), csv: M.parseCsv(M.toCsv(rows)), node: typeof (globalThis as { process?: unknown }).process };
    });
    expect(result).toEqual({
      rows: [
        ['网格', '楼号', '单元', '房号', '户主', '电话'],
        ['第一网格', '58', '3', '301', '徐中立', '13812345678'],
      ],
      statuses: ['new'],
      csv: [
        ['网格', '楼号', '单元', '房号', '户主', '电话'],
        ['第一网格', '58', '3', '301', '徐中立', '13812345678'],
      ],
      node: 'undefined',
    });
    await page.close();
  });
});
