import type { DocKind } from '@lianxin/protocol';
import { clip, message, type Message, type Text } from './text';

/**
 * Something wrong found while reading a document (written by a buggy or hostile peer, or an
 * offline merge that broke a rule). Reads never throw: they skip the entry and report it here.
 */
export const ProblemCode = {
  /** The entry is not the shape it should be (wrong type, missing or oversized field). */
  invalidEntry: 'invalid-entry',
  /** A top-level name holds the wrong Yjs type. */
  wrongType: 'wrong-type',
  /** A key that is not a valid id. */
  invalidKey: 'invalid-key',
  /** The entry points at a record that does not exist. */
  danglingRef: 'dangling-ref',
  /** 4+2 steps recorded out of order, twice, or on a stale view (usually after an offline merge). */
  stepOrder: 'step-order',
  /** A concern action that no longer fits its state after a merge. */
  concernConflict: 'concern-conflict',
  /** Community rules stored in the doc are invalid; defaults are used. */
  invalidRules: 'invalid-rules',
} as const;
export type ProblemCode = (typeof ProblemCode)[keyof typeof ProblemCode];

export interface Problem {
  readonly type: 'problem';
  readonly code: ProblemCode;
  readonly doc: DocKind;
  /** `<top-level name>/<key>` of the entry, e.g. `households/Ab3…`. */
  readonly path: string;
  readonly message: Message;
}

export function problem(code: ProblemCode, doc: DocKind, path: string, detail: Message): Problem {
  return { type: 'problem', code, doc, path: clip(path, 120), message: detail };
}

/** `why` is English only (checks of ours) or bilingual (explained zod issues). */
export function invalidEntry(doc: DocKind, path: string, why: string | Text): Problem {
  const zh = clip(typeof why === 'string' ? why : why.zh, 160);
  const en = clip(typeof why === 'string' ? why : why.en, 160);
  return problem(
    ProblemCode.invalidEntry,
    doc,
    path,
    message('problem.invalidEntry', { path: clip(path, 120), why: en }, `条目 ${clip(path, 120)} 无效,已跳过:${zh}`, `Entry ${clip(path, 120)} is invalid and was skipped: ${en}`),
  );
}

export function wrongType(doc: DocKind, name: string): Problem {
  return problem(
    ProblemCode.wrongType,
    doc,
    name,
    message('problem.wrongType', { name }, `“${name}”的数据类型不对,已忽略`, `“${name}” holds the wrong kind of data and was ignored`),
  );
}

export function danglingRef(doc: DocKind, path: string, field: string, target: string): Problem {
  return problem(
    ProblemCode.danglingRef,
    doc,
    path,
    message(
      'problem.danglingRef',
      { path: clip(path, 120), field, target: clip(target) },
      `条目 ${clip(path, 120)} 的 ${field} 指向不存在的记录 ${clip(target)}`,
      `Entry ${clip(path, 120)}: ${field} points at a missing record ${clip(target)}`,
    ),
  );
}

export function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'problem';
}
