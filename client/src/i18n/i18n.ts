// i18next set up once for the app: Simplified Chinese first, English switchable. Chinese is in
// the entry; English is fetched only by a device that chose it (most never do).
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { zhCN } from './zhCN';
import { Language, LANGUAGE_KEY, isLanguage, storedLanguage } from './languages';

export { Language, LANGUAGE_KEY, isLanguage };

export const i18n = i18next.createInstance();

const initial = storedLanguage();

void i18n.use(initReactI18next).init({
  resources: { [Language.zh]: { translation: zhCN } },
  // English until its strings are in would show Chinese: the page waits for languageReady.
  lng: initial,
  fallbackLng: Language.zh,
  // React escapes output already; double escaping would show &lt; to people.
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

let english: Promise<void> | null = null;

/** Makes sure a language's strings are loaded (English is fetched on first use). */
export function loadLanguage(language: Language): Promise<void> {
  if (language !== Language.en) return Promise.resolve();
  return (english ??= import('./en').then(({ en }) => {
    i18n.addResourceBundle(Language.en, 'translation', en);
  }));
}

/** Resolves once the stored language's strings are in (at once for Chinese); main.tsx renders after it. */
export const languageReady: Promise<void> = loadLanguage(initial).then(
  // Told again once its strings are in: a page drawn before (main.tsx waits only so long) redraws.
  () => void i18n.changeLanguage(initial),
  // English could not be fetched (offline, not cached): Chinese rather than no page.
  () => void i18n.changeLanguage(Language.zh),
);
