import type * as Y from 'yjs';
import { DocKind } from '@lianxin/protocol';
import { LOCAL_ORIGIN } from '../core/context';
import { invalidEntry, type Problem } from '../core/problem';
import { parseStored } from '../core/readEntries';
import { topMap } from '../core/ydoc';
import { SUMMARY_KEY, SummaryLayout, SummarySchema, type Summary } from './summarySchema';

/** The community's published summary, or null (none yet, or not valid: reported). */
export function readSummary(doc: Y.Doc): { summary: Summary | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const map = topMap(doc, DocKind.summary, SummaryLayout.summary, problems);
  const raw = map?.get(SUMMARY_KEY);
  if (raw === undefined) return { summary: null, problems };
  const parsed = parseStored(SummarySchema, raw);
  if (!parsed.ok) {
    problems.push(invalidEntry(DocKind.summary, `${SummaryLayout.summary}/${SUMMARY_KEY}`, parsed.why));
    return { summary: null, problems };
  }
  return { summary: parsed.value, problems };
}

/** Same figures, ignoring when they were computed. */
function sameFigures(a: Summary, b: Summary): boolean {
  return JSON.stringify({ ...a, computedAt: 0 }) === JSON.stringify({ ...b, computedAt: 0 });
}

/**
 * Publishes `next` unless the stored summary already says the same (so idle devices recomputing
 * the same figures write nothing). Returns whether it wrote.
 */
export function writeSummary(doc: Y.Doc, next: Summary, origin: unknown = LOCAL_ORIGIN): boolean {
  const checked = SummarySchema.parse(next);
  const current = readSummary(doc).summary;
  if (current && sameFigures(current, checked)) return false;
  doc.transact(() => doc.getMap(SummaryLayout.summary).set(SUMMARY_KEY, checked), origin);
  return true;
}
