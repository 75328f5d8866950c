/**
 * Atomic file writes: every file is written to a temporary sibling and renamed into place, so a
 * reader (or a crash) never sees a half-written file. A rename within one directory is atomic on POSIX.
 */
import { closeSync, mkdirSync, openSync, readSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

let tempCounter = 0;

/** A unique temporary path next to `path` (same directory, so the final rename is atomic). */
function tempPathFor(path: string): string {
  tempCounter += 1;
  return join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${tempCounter}`);
}

/**
 * Writes `data` to `path` atomically: a temporary sibling is written in full, then renamed over `path`.
 * Creates the parent directory if needed.
 */
export function atomicWriteFile(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = tempPathFor(path);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/**
 * A file written in pieces and published atomically by `commit()`; `abort()` discards it.
 *
 * Text is buffered (64 KiB chunks) and written synchronously, so memory stays flat however large
 * the file grows. Until `commit()` the destination path is untouched.
 */
export class AtomicFileWriter {
  private readonly tmp: string;
  private fd: number | null;
  private buffer: string[] = [];
  private buffered = 0;

  /** Opens a temporary sibling of `path` (the parent directory is created if needed). */
  constructor(readonly path: string) {
    mkdirSync(dirname(path), { recursive: true });
    this.tmp = tempPathFor(path);
    this.fd = openSync(this.tmp, 'w');
  }

  /** Appends text. */
  write(text: string): void {
    if (this.fd === null) throw new Error(`AtomicFileWriter: ${this.path} is already closed`);
    this.buffer.push(text);
    this.buffered += text.length;
    if (this.buffered >= 65_536) this.flush();
  }

  /**
   * Appends everything written to `part` (another writer, not yet committed), then discards `part`.
   * Copies in 1 MiB chunks, so memory stays flat however large `part` is.
   */
  appendFrom(part: AtomicFileWriter): void {
    if (this.fd === null) throw new Error(`AtomicFileWriter: ${this.path} is already closed`);
    if (part.fd === null) throw new Error(`AtomicFileWriter: ${part.path} is already closed`);
    this.flush();
    part.flush();
    const input = openSync(part.tmp, 'r');
    try {
      const chunk = Buffer.allocUnsafe(2 ** 20);
      for (let n = readSync(input, chunk); n > 0; n = readSync(input, chunk)) {
        for (let written = 0; written < n;) written += writeSync(this.fd, chunk, written, n - written);
      }
    } finally {
      closeSync(input);
    }
    part.abort();
  }

  private flush(): void {
    if (this.fd === null || this.buffer.length === 0) return;
    writeSync(this.fd, this.buffer.join(''));
    this.buffer = [];
    this.buffered = 0;
  }

  /** Flushes, closes and renames the temporary file onto `path`. */
  commit(): void {
    if (this.fd === null) throw new Error(`AtomicFileWriter: ${this.path} is already closed`);
    this.flush();
    closeSync(this.fd);
    this.fd = null;
    renameSync(this.tmp, this.path);
  }

  /** Closes and deletes the temporary file; `path` is left as it was. Safe to call twice. */
  abort(): void {
    if (this.fd !== null) {
      closeSync(this.fd);
      this.fd = null;
    }
    this.buffer = [];
    rmSync(this.tmp, { force: true });
  }
}
