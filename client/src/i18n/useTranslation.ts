// The interface's strings in a component: `t` for the current language, re-rendered when the
// language changes or its strings arrive (`fixedT` is then a new function).
import { useSyncExternalStore } from 'react';
import { i18n } from './i18n';
import type { TFunction } from './translator';

const currentT = () => i18n.fixedT(i18n.language);

export function useTranslation(): { t: TFunction; i18n: typeof i18n } {
  return { t: useSyncExternalStore(i18n.subscribe, currentT, currentT), i18n };
}
