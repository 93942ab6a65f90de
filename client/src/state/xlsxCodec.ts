// The spreadsheet code (read-excel-file, write-excel-file, a zip codec): imported dynamically,
// only when a file is imported or exported, so opening a page never parses it.
export { exportRosterXlsx, readXlsxSheets } from '@lianxin/model/xlsx';
