/** @jsxImportSource hono/jsx */
/**
 * Renders text from the `public` document. Plain strings become paragraphs (one per line).
 * Rich text — TipTap/ProseMirror JSON (`{ type: 'doc', content: [...] }`) or a Y.XmlFragment as
 * TipTap's Collaboration extension writes it — goes through a whitelist: nodes paragraph, heading,
 * bulletList, orderedList, listItem, text, hardBreak; marks bold, italic and link (http/https
 * only). Any other node is dropped but its text is kept; anything that is not text is dropped.
 * Output is bounded in characters, nodes and depth, whatever a hostile peer wrote.
 */
import type { Child } from 'hono/jsx';
import * as Y from 'yjs';
import { clip, DisplayLimit, httpUrl } from './display';
import { richTextFromYXml } from './richTextFromYXml';

interface Budget {
  chars: number;
  nodes: number;
  cut: boolean;
}

const MAX_DEPTH = 24;
const MAX_NODES = 2000;

type Node = Readonly<Record<string, unknown>>;

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function contentOf(node: { readonly content?: unknown }): readonly unknown[] {
  return Array.isArray(node.content) ? node.content : [];
}

function take(budget: Budget): boolean {
  if (budget.nodes <= 0 || budget.chars <= 0) {
    budget.cut = true;
    return false;
  }
  budget.nodes--;
  return true;
}

const INLINE = new Set(['text', 'hardBreak']);
const LIST = new Set(['bulletList', 'orderedList']);

function textWithMarks(node: Node, budget: Budget): Child {
  if (typeof node.text !== 'string' || node.text === '') return null;
  let text = node.text;
  if (Array.from(text).length > budget.chars) {
    text = clip(text, budget.chars);
    budget.cut = true;
  }
  budget.chars -= Array.from(text).length;
  let out: Child = text;
  const marks = Array.isArray(node.marks) ? node.marks.filter(isNode) : [];
  // Marks apply innermost first; only whitelisted ones produce markup.
  for (const mark of marks) {
    if (mark.type === 'bold') out = <strong>{out}</strong>;
    else if (mark.type === 'italic') out = <em>{out}</em>;
    else if (mark.type === 'link') {
      const href = httpUrl(isNode(mark.attrs) ? mark.attrs.href : undefined);
      if (href !== null) out = <a href={href} rel="nofollow noopener noreferrer ugc">{out}</a>;
    }
  }
  return out;
}

function renderInline(nodes: readonly unknown[], budget: Budget, depth: number): Child[] {
  const out: Child[] = [];
  if (depth > MAX_DEPTH) {
    budget.cut = true;
    return out;
  }
  for (const node of nodes) {
    if (!isNode(node) || !take(budget)) continue;
    if (node.type === 'text') out.push(textWithMarks(node, budget));
    else if (node.type === 'hardBreak') out.push(<br />);
    else {
      // Not inline (or unknown): keep its text, drop its structure.
      const inner = renderInline(contentOf(node), budget, depth + 1);
      if (inner.length > 0) {
        if (out.length > 0) out.push(' ');
        out.push(...inner);
      }
    }
  }
  return out;
}

function headingTag(level: unknown): 'h4' | 'h5' | 'h6' {
  // Document headings sit below the page's own h1–h3.
  if (level === 1) return 'h4';
  if (level === 2) return 'h5';
  return 'h6';
}

function listItems(nodes: readonly unknown[], budget: Budget, depth: number): Child[] {
  const items: Child[] = [];
  for (const child of nodes) {
    if (!isNode(child)) continue;
    const blocks = child.type === 'listItem' ? (take(budget) ? renderBlocks(contentOf(child), budget, depth + 1) : []) : renderBlocks([child], budget, depth + 1);
    if (blocks.length > 0) items.push(<li>{blocks}</li>);
  }
  return items;
}

function renderBlocks(nodes: readonly unknown[], budget: Budget, depth: number): Child[] {
  const out: Child[] = [];
  if (depth > MAX_DEPTH) {
    budget.cut = true;
    return out;
  }
  let pendingInline: unknown[] = [];
  const flushInline = (): void => {
    if (pendingInline.length === 0) return;
    const inline = renderInline(pendingInline, budget, depth + 1);
    pendingInline = [];
    if (inline.length > 0) out.push(<p>{inline}</p>);
  };
  for (const node of nodes) {
    if (!isNode(node)) continue;
    if (typeof node.type === 'string' && INLINE.has(node.type)) {
      pendingInline.push(node);
      continue;
    }
    flushInline();
    if (!take(budget)) continue;
    if (node.type === 'paragraph') {
      const inline = renderInline(contentOf(node), budget, depth + 1);
      if (inline.length > 0) out.push(<p>{inline}</p>);
    } else if (node.type === 'heading') {
      const inline = renderInline(contentOf(node), budget, depth + 1);
      const Tag = headingTag(isNode(node.attrs) ? node.attrs.level : undefined);
      if (inline.length > 0) out.push(<Tag>{inline}</Tag>);
    } else if (typeof node.type === 'string' && LIST.has(node.type)) {
      const items = listItems(contentOf(node), budget, depth + 1);
      if (items.length > 0) out.push(node.type === 'orderedList' ? <ol>{items}</ol> : <ul>{items}</ul>);
    } else {
      // listItem outside a list, blockquote, codeBlock, image, script…: text kept, node dropped.
      out.push(...renderBlocks(contentOf(node), budget, depth + 1));
    }
  }
  flushInline();
  return out;
}

function renderPlain(text: string, budget: Budget): Child[] {
  const clipped = clip(text, budget.chars);
  if (clipped !== text) budget.cut = true;
  return clipped
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => <p>{line}</p>);
}

/** The whitelisted rendering of `value` as block children (possibly empty). */
export function richTextChildren(value: unknown, maxChars: number = DisplayLimit.text): { children: Child[]; cut: boolean } {
  const budget: Budget = { chars: maxChars, nodes: MAX_NODES, cut: false };
  let children: Child[] = [];
  if (typeof value === 'string') children = renderPlain(value, budget);
  else if (value instanceof Y.XmlFragment) children = renderBlocks(contentOf(richTextFromYXml(value, MAX_NODES)), budget, 0);
  else if (isNode(value) && value.type === 'doc') children = renderBlocks(contentOf(value), budget, 0);
  return { children, cut: budget.cut };
}

export interface RichTextProps {
  readonly value: unknown;
  readonly maxChars?: number;
  /** Said after a cut, e.g. "(too long, shortened)". */
  readonly cutNote: string;
  readonly class?: string;
}

/** A `<div>` of whitelisted blocks; nothing when the value renders to nothing. */
export function RichText(props: RichTextProps) {
  const { children, cut } = richTextChildren(props.value, props.maxChars);
  if (children.length === 0 && !cut) return null;
  return (
    <div class={props.class ?? 'text'}>
      {children}
      {cut ? <p class="note">{props.cutNote}</p> : null}
    </div>
  );
}
