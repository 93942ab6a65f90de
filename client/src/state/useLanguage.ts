import { useCallback } from 'react';
import { useTranslation } from '../i18n/useTranslation';
import { LANGUAGE_KEY, Language, isLanguage, loadLanguage } from '../i18n/i18n';

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
      // Switched once its strings are in (English is fetched the first time).
      void loadLanguage(next).then(
        () => i18n.changeLanguage(next),
        () => undefined,
      );
    },
    [i18n],
  );
  return { language, setLanguage };
}
