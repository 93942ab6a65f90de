/** @jsxImportSource hono/jsx */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { renderHtml } from './HtmlDocument';
import { auditMarkup } from './markupAudit';
import { RichText } from './RichText';

async function html(value: unknown, maxChars?: number): Promise<string> {
  return (await renderHtml(<RichText value={value} cutNote="CUT" maxChars={maxChars} />)).replace('<!DOCTYPE html>', '');
}

const p = (...content: unknown[]) => ({ type: 'paragraph', content });
const text = (t: unknown, marks?: unknown) => ({ type: 'text', text: t, marks });
const doc = (...content: unknown[]) => ({ type: 'doc', content });

describe('RichText', () => {
  it('renders plain text as one paragraph per line, escaped', async () => {
    expect(await html('第一行\n\n<b>第二行</b>\r\n')).toBe('<div class="text"><p>第一行</p><p>&lt;b&gt;第二行&lt;/b&gt;</p></div>');
    expect(await html('')).toBe('');
    expect(await html('   \n  ')).toBe('');
  });

  it('renders the whitelisted nodes and marks', async () => {
    const value = doc(
      { type: 'heading', attrs: { level: 1 }, content: [text('标题')] },
      p(text('粗', [{ type: 'bold' }]), text('斜', [{ type: 'italic' }]), { type: 'hardBreak' }, text('链接', [{ type: 'link', attrs: { href: 'https://example.org/a?b=1&c=2' } }])),
      { type: 'bulletList', content: [{ type: 'listItem', content: [p(text('一'))] }] },
      { type: 'orderedList', attrs: { start: 3 }, content: [{ type: 'listItem', content: [p(text('二'))] }] },
    );
    expect(await html(value)).toBe(
      '<div class="text"><h4>标题</h4><p><strong>粗</strong><em>斜</em><br/><a href="https://example.org/a?b=1&amp;c=2" rel="nofollow noopener noreferrer ugc">链接</a></p><ul><li><p>一</p></li></ul><ol><li><p>二</p></li></ol></div>',
    );
  });

  it('drops unknown nodes and marks but keeps their text; links only to http(s)', async () => {
    const value = doc(
      { type: 'codeBlock', content: [text('<script>alert(1)</script>')] },
      { type: 'image', attrs: { src: 'javascript:alert(1)' } },
      { type: 'iframe', attrs: { src: 'https://evil.example' } },
      p(
        text('x', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }]),
        text('y', [{ type: 'link', attrs: { href: 'data:text/html,<script>alert(1)</script>' } }]),
        text('z', [{ type: 'textStyle', attrs: { style: 'background:url(https://evil.example)' } }, { type: 'bold', attrs: { onclick: 'alert(1)' } }]),
      ),
    );
    const out = await html(value);
    expect(out).toBe('<div class="text"><p>&lt;script&gt;alert(1)&lt;/script&gt;</p><p>xy<strong>z</strong></p></div>');
    expect(auditMarkup(out)).toEqual([]);
  });

  it('keeps list structure valid when a list holds something else', async () => {
    const out = await html(doc({ type: 'bulletList', content: [text('裸文本'), p(text('段落')), { type: 'listItem', content: [text('行内')] }] }));
    expect(out).toBe('<div class="text"><ul><li><p>裸文本</p></li><li><p>段落</p></li><li><p>行内</p></li></ul></div>');
  });

  it('survives broken rich text: wrong types, cycles of nesting, non-string text', async () => {
    const broken = [
      null,
      42,
      { type: 'doc' },
      { type: 'doc', content: 'not an array' },
      { type: 'doc', content: [null, 1, 'str', [], { type: 7 }, { type: 'paragraph', content: { length: 3 } }] },
      doc(p(text(123), text({ toString: 'x' }), text(['a']), { type: 'text' })),
      doc({ type: 'heading', attrs: null, content: [text('h')] }),
      doc(p(text('m', 'not-an-array'), text('n', [null, 5, { type: null }]))),
    ];
    for (const value of broken) {
      const out = await html(value);
      expect(auditMarkup(out), JSON.stringify(value)).toEqual([]);
    }
    expect(await html(doc({ type: 'heading', attrs: null, content: [text('h')] }))).toBe('<div class="text"><h6>h</h6></div>');
    expect(await html(doc(p(text('m', 'not-an-array'), text('n', [null, 5, { type: null }]))))).toBe('<div class="text"><p>mn</p></div>');
  });

  it('bounds depth, node count and length', async () => {
    let deep: unknown = text('底');
    for (let i = 0; i < 10_000; i++) deep = { type: 'blockquote', content: [deep] };
    const deepOut = await html(doc(deep));
    expect(deepOut).not.toContain('底');
    expect(deepOut).toContain('CUT');

    const many = doc(...Array.from({ length: 50_000 }, (_, i) => p(text(`段${i}`))));
    const manyOut = await html(many);
    expect(manyOut.split('<p>').length - 1).toBeLessThanOrEqual(2001);
    expect(manyOut).toContain('<p class="note">CUT</p>');

    const long = await html('字'.repeat(1024 * 1024), 100);
    expect(long).toBe(`<div class="text"><p>${'字'.repeat(99)}…</p><p class="note">CUT</p></div>`);
    const longRich = await html(doc(p(text('a'.repeat(1024 * 1024)))), 50);
    expect(longRich).toBe(`<div class="text"><p>${'a'.repeat(49)}…</p><p class="note">CUT</p></div>`);
  });

  it('renders a Y.XmlFragment as TipTap writes it, through the same whitelist', async () => {
    const ydoc = new Y.Doc();
    const fragment = ydoc.getXmlFragment('default');
    const para = new Y.XmlElement('paragraph');
    const t = new Y.XmlText();
    para.insert(0, [t]);
    const script = new Y.XmlElement('script');
    script.insert(0, [new Y.XmlText('alert(1)')]);
    const img = new Y.XmlElement('img');
    img.setAttribute('onerror', 'alert(2)');
    fragment.insert(0, [para, script, img]);
    t.insert(0, '普通');
    t.insert(2, '加粗', { bold: {} });
    t.insert(4, '链接', { link: { href: 'javascript:alert(3)' } });
    const out = await html(fragment);
    expect(out).toBe('<div class="text"><p>普通<strong>加粗</strong>链接</p><p>alert(1)</p></div>');
  });
});
