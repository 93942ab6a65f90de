import type { Message } from './text';

/** Something a command did besides its main change, e.g. "unlinked 7 households". */
export interface Effect {
  readonly type: string;
  readonly ids: readonly string[];
  readonly message: Message;
}

export interface CommandDone<T> {
  readonly type: 'done';
  readonly value: T;
  /** Human summary of what happened ("已添加住户 58号楼3单元301"). */
  readonly message: Message;
  readonly effects: readonly Effect[];
  /** Things the user should know but that did not stop the command (a member over capacity). */
  readonly warnings: readonly Message[];
}

export interface CommandRejected {
  readonly type: 'rejected';
  /** Stable code for tests and the UI: 'invalid-input', 'not-found', 'wrong-state', … */
  readonly code: RejectCode;
  readonly message: Message;
}

export const RejectCode = {
  invalidInput: 'invalid-input',
  notFound: 'not-found',
  wrongState: 'wrong-state',
  conflict: 'conflict',
  inUse: 'in-use',
} as const;
export type RejectCode = (typeof RejectCode)[keyof typeof RejectCode];

/** Commands never throw on bad input: they return `rejected` and change nothing. */
export type CommandResult<T = null> = CommandDone<T> | CommandRejected;

export function done<T>(value: T, message: Message, effects: readonly Effect[] = [], warnings: readonly Message[] = []): CommandDone<T> {
  return { type: 'done', value, message, effects, warnings };
}

export function rejected(code: RejectCode, message: Message): CommandRejected {
  return { type: 'rejected', code, message };
}

export function isDone<T>(result: CommandResult<T>): result is CommandDone<T> {
  return result.type === 'done';
}
