import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { myHouseholdsKey } from './myHouseholdsKey';
import { peekMyHouseholds, takePeekedMyHouseholds, takeSettledMyHouseholds } from './peekMyHouseholds';

const g = globalThis as { indexedDB?: IDBFactory; __lianxinPeekMy?: unknown };
const KEY = myHouseholdsKey('zh-CN');

beforeEach(() => {
  g.indexedDB = new IDBFactory();
  delete g.__lianxinPeekMy;
});

describe('peekMyHouseholds', () => {
  it('hands the read started for a member route to that community’s page, once', async () => {
    peekMyHouseholds('/c/maple/my');
    expect(takePeekedMyHouseholds('oak', KEY)).toBeUndefined();
    expect(takePeekedMyHouseholds('maple', myHouseholdsKey('en'))).toBeUndefined();
    const read = takePeekedMyHouseholds('maple', KEY);
    // A device with no copy of the community: nothing kept (the page loads the documents).
    await expect(read).resolves.toBeNull();
    expect(takePeekedMyHouseholds('maple', KEY)).toBeUndefined();
  });

  it('starts once (the boot script’s read, not main.tsx’s second one) and only on a member route', () => {
    peekMyHouseholds('/c/maple/roster');
    expect(takePeekedMyHouseholds('maple', KEY)).toBeUndefined();
    peekMyHouseholds('/c/maple/my');
    const first = g.__lianxinPeekMy;
    peekMyHouseholds('/c/maple/my');
    expect(g.__lianxinPeekMy).toBe(first);
  });

  it('gives the value synchronously once read (the page’s first render), and only then', async () => {
    peekMyHouseholds('/c/maple/my');
    expect(takeSettledMyHouseholds('maple', KEY)).toBeUndefined();
    await (g.__lianxinPeekMy as { value: Promise<unknown> }).value;
    expect(takeSettledMyHouseholds('oak', KEY)).toBeUndefined();
    expect(takeSettledMyHouseholds('maple', KEY)).toEqual({ value: null });
    expect(takePeekedMyHouseholds('maple', KEY)).toBeUndefined();
  });
});
