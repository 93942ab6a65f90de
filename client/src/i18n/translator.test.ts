import { describe, expect, it } from 'vitest';
import { translate } from './translator';

const zh = { app: { name: '连心', pending: '{{count}} 条待上传', who: '{{ name }} 与 {{name}}' }, only: { zh: '只有中文' } };
const en = { app: { name: 'Lianxin', pending: '{{count}} waiting' } };

describe('translate', () => {
  it('finds a dotted key, the first table that has it winning', () => {
    expect(translate('app.name', undefined, [en, zh])).toBe('Lianxin');
    expect(translate('only.zh', undefined, [en, zh])).toBe('只有中文');
  });

  it('fills placeholders from the options, numbers included, and leaves text as given', () => {
    expect(translate('app.pending', { count: 3 }, [zh])).toBe('3 条待上传');
    expect(translate('app.who', { name: '<b>李</b>' }, [zh])).toBe('<b>李</b> 与 <b>李</b>');
  });

  it('keeps a placeholder that has no value', () => {
    expect(translate('app.pending', {}, [en])).toBe('{{count}} waiting');
    expect(translate('app.pending', { count: null }, [en])).toBe('{{count}} waiting');
  });

  it('answers the key for a missing string, a subtree or a name from Object.prototype', () => {
    expect(translate('app.missing', undefined, [en, zh])).toBe('app.missing');
    expect(translate('app', undefined, [en, zh])).toBe('app');
    expect(translate('constructor', undefined, [zh])).toBe('constructor');
    expect(translate('app.name.length', undefined, [zh])).toBe('app.name.length');
  });
});
