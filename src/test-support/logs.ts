import { Writable } from 'node:stream';

/** A stream that collects what a logger writes, one chunk (a JSON line) per entry, for tests to read. */
export function lineSink(lines: string[]): Writable {
  return new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
}
