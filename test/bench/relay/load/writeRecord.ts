// What one write carries: its sequence number in the room and the writer's clock
// (performance.now() of the load process, which also runs the observers) as text
// appended to a Y.Text, e.g. "17@1234.567;". Text rather than a map value so that updates
// the server merges or batches still show every write to the observers.

export function encodeWriteRecord(seq: number, sentAt: number): string {
  return `${seq}@${sentAt.toFixed(3)};`;
}

/** Calls `onRecord` for each complete record in inserted text; ignores anything else. */
export function parseWriteRecords(text: string, onRecord: (seq: number, sentAt: number) => void): void {
  let start = 0;
  for (;;) {
    const end = text.indexOf(';', start);
    if (end < 0) return;
    const at = text.indexOf('@', start);
    if (at > start && at < end) {
      const seq = Number(text.slice(start, at));
      const sentAt = Number(text.slice(at + 1, end));
      if (Number.isInteger(seq) && seq >= 0 && Number.isFinite(sentAt)) onRecord(seq, sentAt);
    }
    start = end + 1;
  }
}
