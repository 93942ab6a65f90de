import type { RosterView } from '../roster/rosterView';
import { rosterRows } from './exportRoster';
import { writeXlsxRows } from './xlsx';

/** The roster as an .xlsx workbook: the same rows as the CSV export. */
export function exportRosterXlsx(roster: RosterView): Promise<Uint8Array> {
  return writeXlsxRows(rosterRows(roster));
}
