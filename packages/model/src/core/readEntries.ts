/**
 * Reads a top-level `Y.Map<id, JSON>` into typed entries, skipping and reporting bad ones.
 * Parsed entries are cached by the identity of the stored JSON value: Yjs hands back the same
 * object until the entry is overwritten, so re-reading a 3,600-household roster after one edit
 * re-validates one entry, not 3,600.
 */
import type * as z from 'zod/mini';
import type * as Y from 'yjs';
import type { DocKind } from '@lianxin/protocol';
import type { Fast } from './fastGuards';
import { isId } from './ids';
import { invalidEntry, problem, ProblemCode, type Problem } from './problem';
import { explainIssues } from './schema';
import { isPlainObject } from './ydoc';
import { message, clip, type Text } from './text';

type Parsed<T> = { ok: true; value: T } | { ok: false; why: string | Text };

const caches = new WeakMap<z.ZodMiniType, WeakMap<object, Parsed<unknown>>>();

function cacheFor(schema: z.ZodMiniType): WeakMap<object, Parsed<unknown>> {
  let cache = caches.get(schema);
  if (!cache) {
    cache = new WeakMap();
    caches.set(schema, cache);
  }
  return cache;
}

/** Parses one stored value with a schema (cached by identity for objects); `fast` may skip zod. */
export function parseStored<S extends z.ZodMiniType>(schema: S, raw: unknown, fast?: Fast<z.infer<S>>): Parsed<z.infer<S>> {
  if (!isPlainObject(raw)) return { ok: false, why: raw === undefined ? 'not a JSON value' : `expected an object, got ${Array.isArray(raw) ? 'array' : typeof raw}` };
  const cache = cacheFor(schema);
  const hit = cache.get(raw);
  if (hit) return hit as Parsed<z.infer<S>>;
  const quick = fast ? fast(raw) : null;
  if (quick !== null) {
    const parsed: Parsed<z.infer<S>> = { ok: true, value: quick };
    cache.set(raw, parsed);
    return parsed;
  }
  const result = schema.safeParse(raw);
  const parsed: Parsed<z.infer<S>> = result.success ? { ok: true, value: result.data } : { ok: false, why: explainIssues(schema, raw, result.error) };
  cache.set(raw, parsed);
  return parsed;
}

export function invalidKey(doc: DocKind, name: string, key: string): Problem {
  return problem(
    ProblemCode.invalidKey,
    doc,
    `${name}/${key}`,
    message('problem.invalidKey', { name, key: clip(key) }, `“${name}”中的键 ${clip(key)} 不是有效的编号,已跳过`, `Key ${clip(key)} in “${name}” is not a valid id and was skipped`),
  );
}

/**
 * Every valid entry of `map` as [id, value]. `idField`, when given, must equal the key (a
 * record copied under another key would otherwise alias two ids). `keep`, when given, picks
 * entries by their stored value before they are validated (a narrow read: one household's
 * visits of 17,000); entries it refuses are neither validated nor reported.
 */
export function readEntries<S extends z.ZodMiniType>(
  map: Y.Map<unknown> | null,
  doc: DocKind,
  name: string,
  schema: S,
  problems: Problem[],
  idField?: string,
  fast?: Fast<z.infer<S>>,
  keep?: (raw: unknown) => boolean,
): Array<[string, z.infer<S>]> {
  const out: Array<[string, z.infer<S>]> = [];
  if (!map) return out;
  map.forEach((raw, key) => {
    if (keep && !keep(raw)) return;
    if (!isId(key)) {
      problems.push(invalidKey(doc, name, key));
      return;
    }
    const parsed = parseStored(schema, raw, fast);
    if (!parsed.ok) {
      problems.push(invalidEntry(doc, `${name}/${key}`, parsed.why));
      return;
    }
    if (idField !== undefined && (parsed.value as Record<string, unknown>)[idField] !== key) {
      problems.push(invalidEntry(doc, `${name}/${key}`, `${idField} does not match the key`));
      return;
    }
    out.push([key, parsed.value]);
  });
  return out;
}
