/** Shared steps of edit commands: validate a patch against the merged record, write only changes. */
import type * as z from 'zod/mini';
import type * as Y from 'yjs';
import { setFields } from './records';
import { explainIssues } from './schema';
import type { Text } from './text';

export type EditOutcome<T> = { ok: true; next: T; changed: string[] } | { ok: false; why: Text };

/**
 * `current` is the record as read (view fields); `patch` the requested changes. Returns the fields
 * that differ after validation, so an edit that changes nothing writes nothing.
 */
export function planEdit<S extends z.ZodMiniType>(schema: S, current: Record<string, unknown>, patch: Record<string, unknown>): EditOutcome<z.infer<S>> {
  const candidate: Record<string, unknown> = { ...current };
  for (const [k, v] of Object.entries(patch)) if (v !== undefined) candidate[k] = v;
  const parsed = schema.safeParse(candidate);
  if (!parsed.success) return { ok: false, why: explainIssues(schema, candidate, parsed.error) };
  const next = parsed.data as Record<string, unknown>;
  const changed = Object.keys(patch).filter((k) => patch[k] !== undefined && JSON.stringify(next[k]) !== JSON.stringify(current[k]));
  return { ok: true, next: parsed.data, changed };
}

export function writeChanged(doc: Y.Doc, name: string, id: string, next: Record<string, unknown>, changed: readonly string[]): void {
  if (changed.length === 0) return;
  const patch: Record<string, unknown> = {};
  for (const k of changed) patch[k] = next[k];
  setFields(doc, name, id, patch);
}
