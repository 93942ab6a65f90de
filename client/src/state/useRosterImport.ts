import { useCallback, useState } from 'react';
import { applyImport, previewWorkbook, type ImportPreview } from '@lianxin/model';
import { readSpreadsheet } from './readSpreadsheet';
import { useCommandRunner } from './useCommandRunner';
import { useRoster } from './useRoster';

export type ImportState =
  | { type: 'idle' }
  | { type: 'reading'; name: string }
  | { type: 'unreadable'; name: string; reason: 'format' | 'empty' | 'xlsx' }
  | { type: 'preview'; name: string; preview: ImportPreview };

/** Roster import: read a file (households and a members sheet), preview what would change row by row, then apply it. */
export function useRosterImport() {
  const roster = useRoster()?.view ?? null;
  const run = useCommandRunner('roster');
  const [state, setState] = useState<ImportState>({ type: 'idle' });
  const load = useCallback(
    async (file: File) => {
      if (!roster) return;
      setState({ type: 'reading', name: file.name });
      const read = await readSpreadsheet(file.name, new Uint8Array(await file.arrayBuffer()));
      if (read.type === 'unreadable') setState({ type: 'unreadable', name: file.name, reason: read.reason });
      else setState({ type: 'preview', name: file.name, preview: previewWorkbook(read.sheets, roster) });
    },
    [roster],
  );
  const apply = useCallback(() => {
    if (state.type !== 'preview') return false;
    const result = run((doc, ctx) => applyImport(doc, state.preview, ctx));
    if (result.type === 'done') setState({ type: 'idle' });
    return result.type === 'done';
  }, [state, run]);
  const reset = useCallback(() => setState({ type: 'idle' }), []);
  return { state, load, apply, reset };
}
