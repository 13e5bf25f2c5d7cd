/**
 * The manifest: one NDJSON line per finished input in the output folder
 * (`.article-parse-manifest.ndjson`), appended as the batch goes so that an interrupted run
 * leaves an accurate record. It says what was converted from which input (content hash, tool
 * version, settings), which is what `--skip-existing` needs to redo only what is missing,
 * changed or failed.
 */

import { createHash } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { writeFileAtomic } from '../cli/write-output.js';
import type { ConvertSettings, Fingerprint, InputStatus } from './types.js';

/** The manifest's file name inside the output folder. */
export const MANIFEST_NAME = '.article-parse-manifest.ndjson';

/** The running tool's version, from package.json. */
export const TOOL_VERSION: string = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;

/** One input's record. */
export interface ManifestEntry {
  input: string;
  /** Output path relative to the folder, or `null` when nothing was written. */
  output: string | null;
  /** SHA-256 of the input bytes (hex), or `null` when the input could not be read. */
  hash: string | null;
  version: string;
  /** Hash of the settings that shape the output. */
  settings: string;
  status: InputStatus;
  /**
   * The content fingerprint, so that a resumed run sees the same duplicate groups; `s` is the
   * signature scheme (absent in entries written before there was a second one).
   */
  fp?: PackedFingerprint;
}

/** SHA-256 (hex) of an input's bytes. */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A short hash of everything that shapes an output (format, reader options, labels, dedupe). */
export function settingsHash(settings: ConvertSettings, dedupe: boolean): string {
  return createHash('sha256')
    .update(JSON.stringify({ ...settings, dedupe }))
    .digest('hex')
    .slice(0, 16);
}

/** A fingerprint as the manifest keeps it. */
export interface PackedFingerprint {
  e: string;
  m: string | null;
  s?: number;
}

/**
 * The fingerprint scheme written now (2: one-permutation MinHash; 3: the same, with the exact
 * hash taken over UTF-16 code units). Fingerprints of another scheme cannot be compared with
 * these, so an entry holding one is not current (its input is converted again).
 */
export const FINGERPRINT_SCHEME = 3;

/** Pack a fingerprint for the manifest. */
export function packFingerprint(fp: Fingerprint): PackedFingerprint {
  const m = fp.minhash;
  return { e: fp.exact, m: m === null ? null : Buffer.from(m.buffer, m.byteOffset, m.byteLength).toString('base64'), s: FINGERPRINT_SCHEME };
}

/** Unpack a fingerprint from the manifest. */
export function unpackFingerprint(packed: PackedFingerprint): Fingerprint {
  if (packed.m === null) return { exact: packed.e, minhash: null };
  const bytes = Buffer.from(packed.m, 'base64');
  const words = new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  return { exact: packed.e, minhash: words };
}

function isEntry(value: unknown): value is ManifestEntry {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v['input'] === 'string' && typeof v['version'] === 'string' && typeof v['settings'] === 'string' && typeof v['status'] === 'string';
}

/** Lines are gathered and appended in one write when the runner flushes (or at this many characters). */
const FLUSH_AT = 64 * 1024;

/** The manifest of one output folder. */
export class Manifest {
  private pending: string[] = [];
  private size = 0;

  private constructor(
    private readonly path: string,
    /** The open file descriptor, or `null` for a dry run. */
    private fd: number | null,
    /** Entries from earlier runs (kept only when resuming) merged with this run's. */
    private readonly entries: Map<string, ManifestEntry> | null,
  ) {}

  /** True when the folder has a manifest with at least one entry. */
  static async exists(folder: string): Promise<boolean> {
    try {
      return (await readFile(join(folder, MANIFEST_NAME), 'utf8')).trim() !== '';
    } catch {
      return false;
    }
  }

  /**
   * Open the folder's manifest. `resume` loads the earlier entries (for `--skip-existing`);
   * otherwise the manifest starts afresh. `readOnly` (for `--dry-run`) never touches the file.
   */
  static async open(folder: string, resume: boolean, readOnly = false): Promise<Manifest> {
    const path = join(folder, MANIFEST_NAME);
    let entries: Map<string, ManifestEntry> | null = null;
    if (resume) {
      entries = new Map();
      let text = '';
      try {
        text = await readFile(path, 'utf8');
      } catch {
        // no manifest yet: nothing to resume
      }
      for (const line of text.split('\n')) {
        if (line.trim() === '') continue;
        try {
          const value: unknown = JSON.parse(line);
          if (isEntry(value)) entries.set(value.input, value);
        } catch {
          // a line cut short by a crash: that input is simply redone
        }
      }
    }
    const fd = readOnly ? null : openSync(path, resume ? 'a' : 'w');
    return new Manifest(path, fd, entries);
  }

  /** The latest earlier entry for an input (only when resuming). */
  lookup(input: string): ManifestEntry | undefined {
    return this.entries?.get(input);
  }

  /**
   * Add one input's entry; it reaches the file at the next `flush` (the runner flushes after
   * each group of finished inputs). Throws when the folder cannot be written (the batch then stops).
   */
  record(entry: ManifestEntry): void {
    if (this.fd === null) return;
    const line = JSON.stringify(entry) + '\n';
    this.pending.push(line);
    this.size += line.length;
    this.entries?.set(entry.input, entry);
    if (this.size >= FLUSH_AT) this.flush();
  }

  /** Append the entries recorded since the last flush. Throws when the folder cannot be written. */
  flush(): void {
    if (this.fd === null || this.pending.length === 0) return;
    const text = this.pending.join('');
    this.pending = [];
    this.size = 0;
    const bytes = Buffer.from(text, 'utf8');
    let at = 0;
    while (at < bytes.length) at += writeSync(this.fd, bytes, at, bytes.length - at);
  }

  /** Close the manifest; a resumed manifest is rewritten with one line per input. */
  async close(): Promise<void> {
    if (this.fd === null) return;
    const fd = this.fd;
    try {
      this.flush();
    } finally {
      this.fd = null;
      closeSync(fd);
    }
    if (this.entries === null) return;
    const lines: string[] = [];
    for (const entry of this.entries.values()) lines.push(JSON.stringify(entry) + '\n');
    await writeFileAtomic(this.path, lines.join(''));
  }
}
