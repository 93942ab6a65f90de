import * as Y from 'yjs';

interface JsonNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: JsonNode[];
  text?: string;
  marks?: { type: string; attrs?: unknown }[];
}

/**
 * A Y.XmlFragment as TipTap's Collaboration extension (y-prosemirror) writes it — elements named
 * after nodes, XmlText whose formatting attributes are marks — turned into ProseMirror JSON for
 * the whitelist renderer. Reads at most `maxNodes` nodes; never throws on odd content.
 */
export function richTextFromYXml(fragment: Y.XmlFragment, maxNodes: number): JsonNode {
  let budget = maxNodes;
  const convert = (item: unknown): JsonNode[] => {
    if (budget-- <= 0) return [];
    if (item instanceof Y.XmlElement) {
      const content: JsonNode[] = [];
      for (const child of item.toArray()) content.push(...convert(child));
      return [{ type: item.nodeName, attrs: item.getAttributes() as Record<string, unknown>, content }];
    }
    if (item instanceof Y.XmlText) {
      const out: JsonNode[] = [];
      const delta = item.toDelta() as { insert?: unknown; attributes?: Record<string, unknown> }[];
      for (const op of delta) {
        if (typeof op.insert !== 'string') continue;
        const marks = Object.entries(op.attributes ?? {}).map(([type, attrs]) => ({ type, attrs }));
        out.push({ type: 'text', text: op.insert, marks });
      }
      return out;
    }
    return [];
  };
  const content: JsonNode[] = [];
  try {
    for (const child of fragment.toArray()) content.push(...convert(child));
  } catch {
    // A fragment read from a hostile update may be inconsistent: show what was read so far.
  }
  return { type: 'doc', content };
}
