// i18next set up once for the app: Simplified Chinese first, English switchable.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { zhCN } from './zhCN';
import { en } from './en';
import { Language, LANGUAGE_KEY, isLanguage, storedLanguage } from './languages';

export { Language, LANGUAGE_KEY, isLanguage };

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
