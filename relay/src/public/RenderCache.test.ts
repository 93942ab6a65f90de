import { describe, expect, it } from 'vitest';
import { RenderCache } from './RenderCache';

const v = (body: string) => ({ body, size: body.length });

describe('RenderCache', () => {
  it('evicts the least recently used entry past maxEntries', () => {
    const cache = new RenderCache<ReturnType<typeof v>>({ maxEntries: 2, maxSize: 1000 });
    cache.set('a', v('A'));
    cache.set('b', v('B'));
    expect(cache.get('a')?.body).toBe('A'); // a is now the most recent
    cache.set('c', v('C'));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')?.body).toBe('A');
    expect(cache.get('c')?.body).toBe('C');
    expect(cache.size).toBe(2);
  });

  it('stays under maxSize and skips a body larger than the whole cache', () => {
    const cache = new RenderCache<ReturnType<typeof v>>({ maxEntries: 100, maxSize: 10 });
    cache.set('a', v('xxxx'));
    cache.set('b', v('yyyy'));
    cache.set('c', v('zzzz'));
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(2);
    cache.set('huge', v('h'.repeat(11)));
    expect(cache.get('huge')).toBeUndefined();
    cache.set('b', v('yy')); // replacing an entry accounts its old size
    cache.set('d', v('dddd'));
    expect(cache.get('c')?.body).toBe('zzzz');
    cache.clear();
    expect(cache.size).toBe(0);
  });
});
