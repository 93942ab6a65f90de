// Looks a dotted key up in the interface's strings and fills in its {{placeholders}}: all the
// app asks of a translation library (no plurals, no formats, no namespaces). i18next did this for
// 54 KB of code on every route, parsed and run before a page's first render (issue 21).

/** A language's strings: nested objects of strings (zhCN.ts, en.ts). */
export interface Strings {
  readonly [key: string]: string | Strings;
}

/** Values for a string's `{{name}}` placeholders. */
export type TOptions = Readonly<Record<string, unknown>>;

export type TFunction = (key: string, options?: TOptions) => string;

function lookUp(strings: Strings | undefined, key: string): string | undefined {
  let at: string | Strings | undefined = strings;
  for (const part of key.split('.')) {
    if (at === undefined || typeof at === 'string' || !Object.hasOwn(at, part)) return undefined;
    at = at[part];
  }
  return typeof at === 'string' ? at : undefined;
}

const PLACEHOLDER = /\{\{\s*([\w.]+)\s*\}\}/g;

/**
 * The string at `key` in the first of `tables` that has it, its placeholders filled from `options`
 * (as given: React escapes what it renders); the key itself when no table has it, so a missing
 * string shows as its name rather than as nothing. A placeholder without a value is left as it is.
 */
export function translate(key: string, options: TOptions | undefined, tables: readonly (Strings | undefined)[]): string {
  let text: string | undefined;
  for (const table of tables) if ((text = lookUp(table, key)) !== undefined) break;
  if (text === undefined) return key;
  if (!options || !text.includes('{{')) return text;
  return text.replace(PLACEHOLDER, (whole, name: string) => (Object.hasOwn(options, name) && options[name] !== undefined && options[name] !== null ? String(options[name]) : whole));
}
