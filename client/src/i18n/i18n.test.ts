import { describe, expect, it } from 'vitest';
import { i18n, Language, languageReady, loadLanguage } from './i18n';

describe('the interface language', () => {
  it('starts in Chinese with its strings in, and t stays one function per language', async () => {
    await languageReady;
    expect(i18n.language).toBe(Language.zh);
    expect(i18n.fixedT(i18n.language)('nav.settings')).toBe('设置');
    expect(i18n.fixedT(Language.zh)).toBe(i18n.fixedT(Language.zh));
  });

  it('shows Chinese for English until its strings are loaded, then English; listeners hear each change', async () => {
    const heard: string[] = [];
    const stop = i18n.subscribe(() => heard.push(i18n.language));
    const before = i18n.fixedT(Language.en);
    expect(before('nav.settings')).toBe('设置');
    await loadLanguage(Language.en);
    const after = i18n.fixedT(Language.en);
    expect(after).not.toBe(before);
    expect(after('nav.settings')).toBe('Settings');
    i18n.changeLanguage(Language.en);
    expect(i18n.fixedT(i18n.language)('roster.allHouseholds', { count: 12 })).toBe('All households (12)');
    i18n.changeLanguage(Language.zh);
    stop();
    i18n.changeLanguage(Language.en);
    i18n.changeLanguage(Language.zh);
    expect(heard).toEqual([Language.zh, Language.en, Language.zh]);
  });
});
