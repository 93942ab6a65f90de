import { closeSync, fdatasync, fdatasyncSync, fstatSync, ftruncateSync, openSync, readFileSync, writeSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** One accepted update as the journal holds it until it is moved into the database. */
export interface JournalEntry {
  readonly seq: number;
  /** the `docs` row id (created in the database before the entry is journaled) */
  readonly docId: number;
  readonly update: Uint8Array;
  readonly author: string;
  /** ms since epoch */
  readonly time: number;
}

/** What reading a journal found: whole records, and where a torn or damaged tail starts. */
export interface JournalContents {
  readonly entries: JournalEntry[];
  /** null when every byte belonged to a whole record */
  readonly damage: { readonly offset: number; readonly bytes: number } | null;
}

/**
 * The relay's write-ahead file for accepted updates (`<database>.updates`). One `write()` per
 * batch makes an update durable: the bytes are in the OS's page cache, so a killed process loses
 * nothing (with `sync`, an fdatasync per batch also covers power loss), for about a fifth of a
 * SQLite commit. The store moves the entries into the database in large transactions and then
 * empties the file; after a crash, reopening replays what was not moved yet.
 *
 * Format: records `u32le length, u32le crc32(payload), payload`, payload = varuint count, then per
 * entry varuint seq, varuint docId, varuint time, varstring author, varuint8array update.
 */
export interface UpdateJournal {
  readonly path: string;
  /** Bytes in the file (whole records only). */
  readonly size: number;
  /** Appends one record; throws with the file as it was before if the write fails. */
  append(entries: readonly JournalEntry[]): void;
  /** Empties the file: everything it held is in the database. */
  clear(): void;
  /**
   * fdatasync on libuv's thread pool: resolves once every record appended before the call is on
   * disk (group commit: `GroupCommit`). Do not close the journal while one runs.
   */
  flushToDisk(): Promise<void>;
  close(): void;
}

const HEADER = 8;

export function encodeJournalRecord(entries: readonly JournalEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  // Room for the header, filled in once the payload's length is known.
  encoding.writeUint32(encoder, 0);
  encoding.writeUint32(encoder, 0);
  encoding.writeVarUint(encoder, entries.length);
  for (const e of entries) {
    encoding.writeVarUint(encoder, e.seq);
    encoding.writeVarUint(encoder, e.docId);
    encoding.writeVarUint(encoder, e.time);
    encoding.writeVarString(encoder, e.author);
    encoding.writeVarUint8Array(encoder, e.update);
  }
  const record = encoding.toUint8Array(encoder);
  const view = new DataView(record.buffer, record.byteOffset, record.byteLength);
  const payload = record.subarray(HEADER);
  view.setUint32(0, payload.byteLength, true);
  view.setUint32(4, crc32(payload), true);
  return record;
}

/** Reads every whole record of a journal's bytes; stops at the first torn or damaged one. */
export function decodeJournal(bytes: Uint8Array): JournalContents {
  const entries: JournalEntry[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 0;
  while (offset < bytes.byteLength) {
    const damage = { offset, bytes: bytes.byteLength - offset };
    if (bytes.byteLength - offset < HEADER) return { entries, damage };
    const length = view.getUint32(offset, true);
    const sum = view.getUint32(offset + 4, true);
    if (length > bytes.byteLength - offset - HEADER) return { entries, damage };
    const payload = bytes.subarray(offset + HEADER, offset + HEADER + length);
    if (crc32(payload) !== sum) return { entries, damage };
    const record: JournalEntry[] = [];
    try {
      const decoder = decoding.createDecoder(payload);
      const count = decoding.readVarUint(decoder);
      for (let i = 0; i < count; i++) {
        const seq = decoding.readVarUint(decoder);
        const docId = decoding.readVarUint(decoder);
        const time = decoding.readVarUint(decoder);
        const author = decoding.readVarString(decoder);
        // A copy: the entries outlive the file's buffer only as long as they must.
        const update = decoding.readVarUint8Array(decoder).slice();
        record.push({ seq, docId, update, author, time });
      }
      if (decoder.pos !== payload.byteLength) return { entries, damage };
    } catch {
      return { entries, damage };
    }
    entries.push(...record);
    offset += HEADER + length;
  }
  return { entries, damage: null };
}

/** Reads the journal at `path` (an absent file holds nothing). */
export function readJournal(path: string): JournalContents {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], damage: null };
    throw error;
  }
  return decodeJournal(bytes);
}

/**
 * Opens (creating) the journal for appending. The caller replays `readJournal(path)` and clears
 * the file before appending: a damaged tail would hide every record written after it.
 */
export function openUpdateJournal(path: string, options: { readonly sync: boolean }): UpdateJournal {
  const fd = openSync(path, 'a', 0o600);
  let size = fstatSync(fd).size;
  let closed = false;
  /** A partial record could not be cut off: later records would be unreadable behind it. */
  let damaged = false;
  return {
    path,
    get size() {
      return size;
    },
    append(entries) {
      if (closed) throw new Error('update journal is closed');
      if (damaged) throw new Error(`update journal ${path} ends in a partial record that could not be removed`);
      const record = encodeJournalRecord(entries);
      try {
        let written = 0;
        while (written < record.byteLength) written += writeSync(fd, record, written);
        if (options.sync) fdatasyncSync(fd);
      } catch (error) {
        // A partial record would hide every record after it: cut the file back first.
        try {
          ftruncateSync(fd, size);
        } catch {
          // The write's own error says more; refuse further appends rather than hide them.
          damaged = true;
        }
        throw error;
      }
      size += record.byteLength;
    },
    clear() {
      if (size === 0) return;
      ftruncateSync(fd, 0);
      if (options.sync) fdatasyncSync(fd);
      size = 0;
    },
    flushToDisk() {
      if (closed) return Promise.reject(new Error('update journal is closed'));
      return new Promise((resolve, reject) => fdatasync(fd, (error) => (error ? reject(error) : resolve())));
    },
    close() {
      if (closed) return;
      closed = true;
      closeSync(fd);
    },
  };
}
