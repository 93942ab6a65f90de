import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeJournal, encodeJournalRecord, openUpdateJournal, readJournal, type JournalEntry } from './updateJournal';

const dir = mkdtempSync(join(tmpdir(), 'lianxin-journal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const path = (): string => join(dir, `j-${++n}.updates`);

const entry = (seq: number, bytes: number[] = [seq % 256, 1, 2]): JournalEntry => ({
  seq,
  docId: 1 + (seq % 3),
  update: new Uint8Array(bytes),
  author: `人-${seq}`,
  time: 1_790_000_000_000 + seq,
});
const plain = (entries: readonly JournalEntry[]) => entries.map((e) => ({ ...e, update: [...e.update] }));

describe('update journal', () => {
  it('reads back every entry of every record, in order, after the file is closed', () => {
    const file = path();
    const journal = openUpdateJournal(file, { sync: false });
    const first = [entry(1), entry(2, [])];
    const second = [entry(3, Array.from({ length: 300 }, (_, i) => i % 256))];
    journal.append(first);
    journal.append(second);
    expect(journal.size).toBe(statSync(file).size);
    journal.close();
    expect(readJournal(file)).toEqual({ entries: [...first, ...second].map((e) => ({ ...e })), damage: null });
    expect(plain(readJournal(file).entries)).toEqual(plain([...first, ...second]));
  });

  it('an absent file holds nothing', () => {
    expect(readJournal(join(dir, 'never-written.updates'))).toEqual({ entries: [], damage: null });
  });

  it('clear empties the file, and appends after it start a fresh file', () => {
    const file = path();
    const journal = openUpdateJournal(file, { sync: true });
    journal.append([entry(1)]);
    journal.clear();
    expect(statSync(file).size).toBe(0);
    journal.append([entry(2)]);
    journal.close();
    expect(readJournal(file).entries.map((e) => e.seq)).toEqual([2]);
  });

  it('a torn last record is reported and everything before it is kept', () => {
    const file = path();
    const journal = openUpdateJournal(file, { sync: false });
    journal.append([entry(1), entry(2)]);
    const whole = journal.size;
    journal.close();
    const next = encodeJournalRecord([entry(3)]);
    appendFileSync(file, next.subarray(0, next.byteLength - 2));
    const read = readJournal(file);
    expect(read.entries.map((e) => e.seq)).toEqual([1, 2]);
    expect(read.damage).toEqual({ offset: whole, bytes: next.byteLength - 2 });
  });

  it('a record whose bytes changed fails its checksum: it and what follows are not replayed', () => {
    const a = encodeJournalRecord([entry(1)]);
    const b = encodeJournalRecord([entry(2)]);
    const c = encodeJournalRecord([entry(3)]);
    const bytes = new Uint8Array([...a, ...b, ...c]);
    bytes[a.byteLength + 10] = (bytes[a.byteLength + 10] as number) ^ 0xff;
    const read = decodeJournal(bytes);
    expect(read.entries.map((e) => e.seq)).toEqual([1]);
    expect(read.damage).toEqual({ offset: a.byteLength, bytes: b.byteLength + c.byteLength });
  });

  it('garbage (zeros from a power cut, random bytes, a huge length) is damage, never a throw', () => {
    expect(decodeJournal(new Uint8Array(64)).entries).toEqual([]);
    expect(decodeJournal(new Uint8Array(64)).damage).not.toBeNull();
    const huge = new Uint8Array(16);
    new DataView(huge.buffer).setUint32(0, 0xffffffff, true);
    expect(decodeJournal(huge)).toEqual({ entries: [], damage: { offset: 0, bytes: 16 } });
    const random = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256);
    expect(() => decodeJournal(random)).not.toThrow();
    // A record whose checksum matches but whose payload is no entry list.
    const record = encodeJournalRecord([entry(5)]);
    const forged = new Uint8Array(record.byteLength + 1);
    forged.set(record);
    const view = new DataView(forged.buffer);
    view.setUint32(0, record.byteLength - 8 + 1, true);
    view.setUint32(4, crc32(forged.subarray(8)), true);
    expect(decodeJournal(forged)).toEqual({ entries: [], damage: { offset: 0, bytes: forged.byteLength } });
  });

  it('a write that fails (disk full) throws and counts nothing as written', () => {
    const journal = openUpdateJournal('/dev/full', { sync: false });
    expect(() => journal.append([entry(1)])).toThrow(/ENOSPC/);
    expect(journal.size).toBe(0);
    journal.close();
  });

  it('a closed journal refuses appends and leaves the file as it was', () => {
    const file = path();
    const journal = openUpdateJournal(file, { sync: false });
    journal.append([entry(1)]);
    const before = readFileSync(file);
    journal.close();
    expect(() => journal.append([entry(2)])).toThrow(/closed/);
    expect(readFileSync(file)).toEqual(before);
  });

  it('opening an existing file appends after what it holds', () => {
    const file = path();
    writeFileSync(file, encodeJournalRecord([entry(1)]));
    const journal = openUpdateJournal(file, { sync: false });
    journal.append([entry(2)]);
    journal.close();
    expect(readJournal(file).entries.map((e) => e.seq)).toEqual([1, 2]);
  });
});
