// The interface languages and where the device remembers the choice: a module of its own so the
// page's boot script can read the choice without loading the translator and every translation.

export const Language = { zh: 'zh-CN', en: 'en' } as const;
export type Language = (typeof Language)[keyof typeof Language];

export const LANGUAGE_KEY = 'lianxin.lang';

export function isLanguage(value: unknown): value is Language {
  return value === Language.zh || value === Language.en;
}

/** The language this device chose, Chinese when none (or no storage, as in some private modes). */
export function storedLanguage(): Language {
  try {
    const value = globalThis.localStorage?.getItem(LANGUAGE_KEY);
    return isLanguage(value) ? value : Language.zh;
  } catch {
    return Language.zh;
  }
}
