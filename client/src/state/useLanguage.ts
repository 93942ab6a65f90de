import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_KEY, Language, isLanguage } from '../i18n/i18n';

/** The interface language, remembered on this device. */
export function useLanguage(): { language: Language; setLanguage: (language: Language) => void } {
  const { i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : Language.zh;
  const setLanguage = useCallback(
    (next: Language) => {
      try {
        localStorage.setItem(LANGUAGE_KEY, next);
      } catch {
        // private mode: the choice lasts for this visit only
      }
      void i18n.changeLanguage(next);
      document.documentElement.lang = next;
    },
    [i18n],
  );
  return { language, setLanguage };
}
