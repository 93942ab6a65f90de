import { useCallback } from 'react';
import type { Text } from '@lianxin/model';
import { Language } from '../i18n/i18n';
import { useLanguage } from './useLanguage';

/**
 * Picks the current language from the model's bilingual words (LABELS, Message, public Text).
 * The model owns its vocabulary in both languages; the client only chooses.
 */
export function useText(): (text: Text | null | undefined) => string {
  const { language } = useLanguage();
  return useCallback((text) => (text ? (language === Language.en ? text.en : text.zh) : ''), [language]);
}
