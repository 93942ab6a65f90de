import type { Readable } from 'node:stream';

/** Calls `onLine` for each complete line of a stream and keeps the last lines for errors. */
export function readLines(stream: Readable, onLine: (line: string) => void, keep = 40): () => string[] {
  const tail: string[] = [];
  let buffered = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    buffered += chunk;
    let newline = buffered.indexOf('\n');
    while (newline >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      tail.push(line);
      if (tail.length > keep) tail.shift();
      onLine(line);
      newline = buffered.indexOf('\n');
    }
  });
  return () => [...tail, ...(buffered ? [buffered] : [])];
}
