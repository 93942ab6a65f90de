// Cross-package: minutes written the way the client's TipTap editor writes them (y-tiptap's
// ProseMirror ↔ Y.XmlFragment binding with StarterKit's schema), read back by the model.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getSchema } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { MINUTES_FIELD, minutesText } from '@lianxin/model';

describe('minutes text', () => {
  it('extracts plain text from TipTap content, one line per block', () => {
    const schema = getSchema([StarterKit]);
    const doc = new Y.Doc();
    const content = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '3月党员大会纪要' }] },
        { type: 'paragraph', content: [{ type: 'text', text: '出席 25 人,' }, { type: 'text', marks: [{ type: 'bold' }], text: '应到 31 人' }] },
        { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: '增加充电桩' }] }] }] },
        { type: 'paragraph' },
      ],
    };
    prosemirrorJSONToYXmlFragment(schema, content, doc.getXmlFragment(MINUTES_FIELD));
    expect(minutesText(doc)).toBe('3月党员大会纪要\n出席 25 人,应到 31 人\n增加充电桩');
    expect(minutesText(doc, { maxChars: 5 })).toHaveLength(5);
  });

  it('returns an empty string for empty or foreign documents', () => {
    expect(minutesText(new Y.Doc())).toBe('');
    const foreign = new Y.Doc();
    foreign.getArray(MINUTES_FIELD).push(['not rich text']);
    expect(minutesText(foreign)).toBe('');
  });
});
