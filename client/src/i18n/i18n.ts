// The interface language and its strings, set up once for the app: Simplified Chinese first,
// English switchable. Chinese is in the entry; English is fetched only by a device that chose it.
import { zhCN } from './zhCN';
import { Language, LANGUAGE_KEY, isLanguage, storedLanguage } from './languages';
import { translate, type Strings, type TFunction } from './translator';

export { Language, LANGUAGE_KEY, isLanguage };

/** The current language, its strings and who listens for a change (useTranslation). */
class Interface {
  #language: Language;
  readonly #strings = new Map<Language, Strings>([[Language.zh, zhCN]]);
  readonly #listeners = new Set<() => void>();
  readonly #fixed = new Map<Language, TFunction>();

  constructor(language: Language) {
    this.#language = language;
  }

  get language(): Language {
    return this.#language;
  }

  /** `t` for `language`: the same function each time (components list it in their effects' deps). */
  fixedT(language: Language): TFunction {
    let t = this.#fixed.get(language);
    if (!t) {
      // A language whose strings are not in yet (or lack one) shows Chinese, the fallback.
      t = (key, options) => translate(key, options, [this.#strings.get(language), zhCN]);
      this.#fixed.set(language, t);
    }
    return t;
  }

  addStrings(language: Language, strings: Strings): void {
    this.#strings.set(language, strings);
    this.#fixed.delete(language);
    this.#notify();
  }

  changeLanguage(language: Language): void {
    this.#language = language;
    this.#notify();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  #notify(): void {
    for (const listener of [...this.#listeners]) listener();
  }
}

const initial = storedLanguage();

export const i18n = new Interface(initial);

let english: Promise<void> | null = null;

/** Makes sure a language's strings are loaded (English is fetched on first use). */
export function loadLanguage(language: Language): Promise<void> {
  if (language !== Language.en) return Promise.resolve();
  return (english ??= import('./en').then(({ en }) => i18n.addStrings(Language.en, en)));
}

/** Resolves once the stored language's strings are in (at once for Chinese); main.tsx renders after it. */
export const languageReady: Promise<void> = loadLanguage(initial).catch(() => {
  // English could not be fetched (offline, not cached): Chinese rather than no page.
  i18n.changeLanguage(Language.zh);
});
