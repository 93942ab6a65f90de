/**
 * Minutes (`minutes/<meetingId>`) are rich text that TipTap's Collaboration extension writes into
 * the Y.XmlFragment named 'default'. The model does not edit them; it extracts plain text for
 * exports and search. Hostile content (odd nesting, huge text) is bounded, never thrown on.
 */
import * as Y from 'yjs';
import { minutesDoc } from '@lianxin/protocol';
import type { MeetingId } from '../core/ids';

export const MINUTES_FIELD = 'default';

/** Blocks that end a line in plain text. */
const BLOCKS = new Set(['paragraph', 'heading', 'listItem', 'blockquote', 'codeBlock', 'horizontalRule', 'tableRow', 'taskItem']);

/** The room's doc part for a meeting's minutes, e.g. `minutes/Ab3…`. */
export function minutesDocName(meetingId: MeetingId): `minutes/${string}` {
  return minutesDoc(meetingId);
}

/**
 * Plain text of the minutes: one line per paragraph/heading/list item. Stops at `maxChars`
 * (default 1,000,000) and at nesting deeper than 64.
 */
export function minutesText(doc: Y.Doc, options: { field?: string; maxChars?: number } = {}): string {
  const max = options.maxChars ?? 1_000_000;
  let fragment: Y.XmlFragment;
  try {
    fragment = doc.getXmlFragment(options.field ?? MINUTES_FIELD);
  } catch {
    return '';
  }
  const out: string[] = [];
  let length = 0;
  let line = '';
  const flush = () => {
    if (line.trim() !== '') {
      out.push(line.trimEnd());
      length += line.length + 1;
    }
    line = '';
  };
  const walk = (node: Y.XmlFragment | Y.XmlElement | Y.XmlText, depth: number): void => {
    if (length + line.length >= max || depth > 64) return;
    if (node instanceof Y.XmlText) {
      for (const op of node.toDelta() as Array<{ insert?: unknown }>) if (typeof op.insert === 'string') line += op.insert;
      return;
    }
    const block = node instanceof Y.XmlElement && BLOCKS.has(node.nodeName);
    if (node instanceof Y.XmlElement && node.nodeName === 'hardBreak') line += '\n';
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText || child instanceof Y.XmlElement) walk(child, depth + 1);
    }
    if (block) flush();
  };
  walk(fragment, 0);
  flush();
  const text = out.join('\n');
  return text.length > max ? text.slice(0, max) : text;
}
