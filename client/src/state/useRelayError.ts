import { useCallback } from 'react';
import { useTranslation } from '../i18n/useTranslation';
import { RelayApiError } from './relayApi';

/** Turns a failed relay call into words for the person. */
export function useRelayError(): (error: unknown) => string {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown) => {
      if (error instanceof RelayApiError) {
        if (error.status === 0) return t('errors.network');
        if (error.status === 403) return t('errors.notAllowed');
        return t('errors.generic', { message: error.message });
      }
      return t('errors.generic', { message: error instanceof Error ? error.message : String(error) });
    },
    [t],
  );
}
