import { describe, expect, it } from 'vitest';
import { minutesDoc, parseRoom, roomName } from './room';

describe('parseRoom', () => {
  it('accepts fixed documents and minutes', () => {
    expect(parseRoom('maple-lane/roster')).toMatchObject({ communityId: 'maple-lane', kind: 'roster', doc: 'roster' });
    expect(parseRoom('c1/minutes/m-42')).toMatchObject({ kind: 'minutes', meetingId: 'm-42' });
  });
  it.each(['roster', '/roster', 'c1/unknown', 'C1/roster', 'c1/minutes/', 'c1/minutes/a/b', 'c1/roster/x', '../x/roster', 'c1/minutes/' + 'x'.repeat(65)])(
    'rejects %s',
    (name) => expect(parseRoom(name)).toBeNull(),
  );
  it('builds names and refuses bad ones', () => {
    expect(roomName('c1', minutesDoc('abc'))).toBe('c1/minutes/abc');
    expect(() => roomName('Bad Id', 'roster')).toThrow(/Invalid room/);
    expect(() => minutesDoc('a/b')).toThrow(/meeting id/);
  });
});
