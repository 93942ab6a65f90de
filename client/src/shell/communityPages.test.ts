import { describe, expect, it } from 'vitest';
import { COMMUNITY_PAGES, pageForPath } from './communityPages';

describe('pageForPath', () => {
  it('names the page of a community address', () => {
    expect(pageForPath('/c/longhai/roster')).toBe('roster');
    expect(pageForPath('/c/longhai/my/')).toBe('my');
    expect(pageForPath('/c/longhai/roster/board/b1/u2')).toBe('board');
    expect(pageForPath('/c/longhai/meetings')).toBe('meetings');
    expect(pageForPath('/c/longhai/meetings/m1')).toBe('meeting');
    for (const name of Object.keys(COMMUNITY_PAGES)) expect(pageForPath(`/c/x/${name}`)).toBe(name);
  });

  it('names none for the home redirect, another part of the app or an unknown page', () => {
    expect(pageForPath('/c/longhai')).toBeNull();
    expect(pageForPath('/r/county/roster')).toBeNull();
    // Not a page although `in` finds it on every object.
    expect(pageForPath('/c/longhai/constructor')).toBeNull();
    expect(pageForPath('/c/longhai/unknown')).toBeNull();
  });
});
