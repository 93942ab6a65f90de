/**
 * Safe access to top-level Yjs types. Everything in a document can be written by any peer with
 * write access, so nothing read here is trusted: values come back as `unknown`.
 */
import * as Y from 'yjs';
import type { DocKind } from '@lianxin/protocol';
import { wrongType, type Problem } from './problem';

/**
 * The named top-level map, or null (and a problem) if this doc already uses that name for another
 * type locally. Remote peers cannot change a top-level type; they can only fill it.
 */
export function topMap(doc: Y.Doc, kind: DocKind, name: string, problems: Problem[]): Y.Map<unknown> | null {
  try {
    return doc.getMap<unknown>(name);
  } catch {
    problems.push(wrongType(kind, name));
    return null;
  }
}

/** A plain (JSON) value, or undefined for Yjs types and binary, which no entry of ours uses. */
export function plainValue(value: unknown): unknown {
  if (value instanceof Y.AbstractType || value instanceof Uint8Array) return undefined;
  return value;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Y.AbstractType) && !(value instanceof Uint8Array);
}
