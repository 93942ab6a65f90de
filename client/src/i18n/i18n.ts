// i18next set up once for the app: Simplified Chinese first, English switchable.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { zhCN } from './zhCN';
import { en } from './en';

export const Language = { zh: 'zh-CN', en: 'en' } as const;
export type Language = (typeof Language)[keyof typeof Language];

export const LANGUAGE_KEY = 'lianxin.lang';

export function isLanguage(value: unknown): value is Language {
  return value === Language.zh || value === Language.en;
}

function storedLanguage(): Language {
  try {
    const value = globalThis.localStorage?.getItem(LANGUAGE_KEY);
    return isLanguage(value) ? value : Language.zh;
  } catch {
    return Language.zh;
  }
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { [Language.zh]: { translation: zhCN }, [Language.en]: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: Language.zh,
  // React escapes output already; double escaping would show &lt; to people.
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});
