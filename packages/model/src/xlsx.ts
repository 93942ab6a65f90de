// `@lianxin/model/xlsx`: the spreadsheet half of import and export. Its own entry point because
// read-excel-file and write-excel-file (with a zip codec) are large: an app that imports only
// `@lianxin/model` never bundles them into the code every page parses.
export { readXlsxRows, readXlsxSheets, writeXlsxRows } from './io/xlsx';
export type { XlsxReadResult, XlsxSheetsResult } from './io/xlsx';
export { exportRosterXlsx } from './io/exportRosterXlsx';
