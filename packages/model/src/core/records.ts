/**
 * Editable records: a base JSON value per id in `<name>`, later field changes in the overlay map
 * `edits/<name>` keyed `<id>/<field>` (see README "Document layout"). This gives field-level
 * merging like a nested Y.Map per record at a third of the load cost.
 */
import type * as z from 'zod/mini';
import type * as Y from 'yjs';
import type { DocKind } from '@lianxin/protocol';
import type { Fast } from './fastGuards';
import { isId } from './ids';
import { invalidEntry, type Problem } from './problem';
import { invalidKey, parseStored } from './readEntries';
import { explainIssues } from './schema';
import { isPlainObject, plainValue, topMap } from './ydoc';

export function editsName(name: string): string {
  return `edits/${name}`;
}

/** Overlay fields grouped by record id. */
function readOverlay(overlay: Y.Map<unknown> | null): Map<string, Array<[string, unknown]>> {
  const byId = new Map<string, Array<[string, unknown]>>();
  if (!overlay) return byId;
  overlay.forEach((value, key) => {
    const slash = key.indexOf('/');
    if (slash <= 0) return;
    const id = key.slice(0, slash);
    let list = byId.get(id);
    if (!list) {
      list = [];
      byId.set(id, list);
    }
    list.push([key.slice(slash + 1), value]);
  });
  return byId;
}

/**
 * Which records a narrow read wants, decided on the stored value before it is validated: `raw` is
 * the base as stored, `field` reads a field as it is now (the overlay's value if edited, else the base's).
 */
export type KeepRecord = (id: string, field: (name: string) => unknown) => boolean;

/**
 * Reads every record of a collection as base + overlay, validated by `schema`. A record whose base
 * is invalid is skipped; an overlay field that would make it invalid is dropped (the record keeps
 * its other values) and reported. With `keep`, only the records it accepts are validated and
 * returned (a member's ten households of 3,600), the others are not even looked at.
 */
export function readRecords<S extends z.ZodMiniType>(doc: Y.Doc, kind: DocKind, name: string, schema: S, problems: Problem[], fast?: Fast<z.infer<S>>, keep?: KeepRecord): Array<[string, z.infer<S>]> {
  const base = topMap(doc, kind, name, problems);
  const overlay = readOverlay(topMap(doc, kind, editsName(name), problems));
  const out: Array<[string, z.infer<S>]> = [];
  if (!base) return out;
  base.forEach((raw, id) => {
    if (!isId(id)) {
      problems.push(invalidKey(kind, name, id));
      return;
    }
    const fields = overlay.get(id);
    if (keep && !keep(id, (field) => currentField(raw, fields, field))) return;
    if (!fields) {
      const parsed = parseStored(schema, raw, fast);
      if (parsed.ok) out.push([id, parsed.value]);
      else problems.push(invalidEntry(kind, `${name}/${id}`, parsed.why));
      return;
    }
    if (!isPlainObject(raw)) {
      problems.push(invalidEntry(kind, `${name}/${id}`, 'expected an object'));
      return;
    }
    const merged: Record<string, unknown> = { ...raw };
    for (const [field, value] of fields) merged[field] = plainValue(value);
    const whole = schema.safeParse(merged);
    if (whole.success) {
      out.push([id, whole.data]);
      return;
    }
    // Slow path, only for broken entries: keep the base and each overlay field that fits.
    const baseParsed = parseStored(schema, raw);
    if (!baseParsed.ok) {
      problems.push(invalidEntry(kind, `${name}/${id}`, explainIssues(schema, merged, whole.error)));
      return;
    }
    let current: Record<string, unknown> = { ...raw };
    let value = baseParsed.value;
    for (const [field, fieldValue] of [...fields].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      const attempt = { ...current, [field]: plainValue(fieldValue) };
      const r = schema.safeParse(attempt);
      if (r.success) {
        current = attempt;
        value = r.data;
      } else {
        problems.push(invalidEntry(kind, `${editsName(name)}/${id}/${field}`, explainIssues(schema, attempt, r.error)));
      }
    }
    out.push([id, value]);
  });
  return out;
}

/** A field's value as it reads now: the last overlay value for it, else the base's. */
function currentField(raw: unknown, fields: Array<[string, unknown]> | undefined, field: string): unknown {
  if (fields) for (let i = fields.length - 1; i >= 0; i--) if (fields[i]![0] === field) return plainValue(fields[i]![1]);
  return isPlainObject(raw) ? raw[field] : undefined;
}

/** Whether a record's base exists (commands check this, not the validated view). */
export function hasRecord(doc: Y.Doc, name: string, id: string): boolean {
  return doc.getMap<unknown>(name).has(id);
}

/** Writes a new record's base. Call inside a transaction. */
export function createRecord(doc: Y.Doc, name: string, id: string, value: Record<string, unknown>): void {
  doc.getMap<unknown>(name).set(id, stripUndefined(value));
}

/** Writes changed fields to the overlay. Call inside a transaction. `undefined` writes null. */
export function setFields(doc: Y.Doc, name: string, id: string, patch: Record<string, unknown>): void {
  const overlay = doc.getMap<unknown>(editsName(name));
  for (const [field, value] of Object.entries(patch)) overlay.set(`${id}/${field}`, value === undefined ? null : value);
}

/** Deletes a record's base and overlay fields. Call inside a transaction. */
export function removeRecord(doc: Y.Doc, name: string, id: string): void {
  doc.getMap<unknown>(name).delete(id);
  const overlay = doc.getMap<unknown>(editsName(name));
  const prefix = `${id}/`;
  for (const key of [...overlay.keys()]) if (key.startsWith(prefix)) overlay.delete(key);
}

function stripUndefined(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = v;
  return out;
}
