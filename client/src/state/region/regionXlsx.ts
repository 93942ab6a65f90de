// The spreadsheet writer, imported dynamically when the county table is exported (as the roster's is).
export { writeXlsxRows } from '@lianxin/model/xlsx';
