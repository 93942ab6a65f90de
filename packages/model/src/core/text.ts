/**
 * User-facing words from the model. Every message carries a stable key with params (for the
 * client's i18next, which may word it differently) AND ready Simplified Chinese and English
 * strings (for the server-rendered public page, exports and logs). See README "Messages".
 */
export type MessageParams = Readonly<Record<string, string | number>>;

export interface Message {
  readonly key: string;
  readonly params: MessageParams;
  readonly zh: string;
  readonly en: string;
}

/** Bilingual text without a key: what the public document stores. */
export interface Text {
  readonly zh: string;
  readonly en: string;
}

export function message(key: string, params: MessageParams, zh: string, en: string): Message {
  return { key, params, zh, en };
}

export function isMessage(value: unknown): value is Message {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.key === 'string' && typeof v.zh === 'string' && typeof v.en === 'string' && typeof v.params === 'object';
}

/** Keeps pasted 1 MB strings out of messages. */
export function clip(value: string, max = 60): string {
  return value.length > max ? `${value.slice(0, max)}…` : value;
}
