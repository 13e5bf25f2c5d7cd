/**
 * Helpers for the batch tests: real temporary trees, archives built on the spot (a small
 * stored-zip writer, tar via tar-stream), and the built CLI run as a child process.
 */

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, gzipSync } from 'node:zlib';
import tar from 'tar-stream';
import { generateArticle } from '../bench/batch-articles.mjs';

export const REPO = fileURLToPath(new URL('..', import.meta.url));
export const BIN = join(REPO, 'bin', 'article-parse.js');

/** A fresh folder under the system temp folder. */
export function tempDir(prefix = 'article-parse-batch-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** Write files (relative path → content), creating folders. */
export async function writeTree(root: string, files: Record<string, string | Uint8Array>): Promise<void> {
  for (const [rel, content] of Object.entries(files)) {
    const path = join(root, rel);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
  }
}

/** `count` generated articles spread over nested folders: `d<i>/e<j>/a<n>.txt`. */
export function articleTree(count: number, bytes = 1500): Record<string, string> {
  const files: Record<string, string> = {};
  for (let n = 0; n < count; n++) {
    const d = n % 5;
    const e = Math.floor(n / 5) % 4;
    files[`d${d}/e${e}/a${String(n).padStart(4, '0')}.txt`] = generateArticle(n, bytes);
  }
  return files;
}

/** Every file under `root` (relative, `/`-separated, sorted), dot-files included. */
export async function listFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  async function walk(dir: string, rel: string): Promise<void> {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const childRel = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) await walk(join(dir, entry.name), childRel);
      else out.push(childRel);
    }
  }
  if (existsSync(root)) await walk(root, '');
  return out.sort();
}

/** One zip entry: a file, or a symbolic link when `link` is set. */
export interface ZipEntrySpec {
  name: string;
  data?: string | Uint8Array;
  link?: string;
}

/** A zip archive with stored (uncompressed) entries, names written exactly as given. */
export function buildZip(entries: readonly ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const data = Buffer.from(entry.link ?? entry.data ?? '');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(10, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by Unix
    central.writeUInt16LE(10, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    const mode = entry.link !== undefined ? 0o120777 : 0o100644;
    central.writeUInt32LE((mode << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

/** One tar entry: a file, or a symbolic link when `link` is set. */
export interface TarEntrySpec {
  name: string;
  data?: string;
  link?: string;
}

/** A tar archive (gzipped when `gzip`), built with tar-stream. */
export async function buildTar(entries: readonly TarEntrySpec[], gzip: boolean): Promise<Buffer> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  const done = (async () => {
    for await (const chunk of pack) chunks.push(chunk as Buffer);
  })();
  for (const entry of entries) {
    if (entry.link !== undefined) pack.entry({ name: entry.name, type: 'symlink', linkname: entry.link });
    else pack.entry({ name: entry.name }, entry.data ?? '');
  }
  pack.finalize();
  await done;
  const plain = Buffer.concat(chunks);
  return gzip ? gzipSync(plain) : plain;
}

/** The result of a CLI run. */
export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Start the built CLI. */
export function spawnCli(args: readonly string[], cwd: string, env: Record<string, string | undefined> = {}): ChildProcess {
  // With `-j2`, start the workers at once even for the few inputs a test has (a short batch
  // otherwise converts in the main thread: see POOL_START_AFTER_MS), so that the tests exercise them.
  return spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ARTICLE_PARSE_POOL_START_MS: '0', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
}

/** Wait for a started CLI to end, collecting its output. */
export function collect(child: ChildProcess): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr?.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** Run the built CLI to the end, with optional stdin. */
export function runCli(args: readonly string[], cwd: string, stdin?: string, env: Record<string, string | undefined> = {}): Promise<CliRun> {
  const child = spawnCli(args, cwd, env);
  const result = collect(child);
  child.stdin?.end(stdin ?? '');
  return result;
}

/** Poll until `check` is true (or throw after `ms`). */
export async function waitFor(check: () => boolean | Promise<boolean>, ms = 20_000, step = 10): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, step));
  }
}

/** True when dist/ is missing or older than the batch sources (then the CLI tests build first). */
export function distIsStale(): boolean {
  const built = join(REPO, 'dist', 'batch', 'run-batch.js');
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  const srcDir = join(REPO, 'src', 'batch');
  const sources = [...readdirSync(srcDir).map((f) => join(srcDir, f)), join(REPO, 'src', 'cli', 'main.ts')];
  return sources.some((f) => statSync(f).mtimeMs > builtAt);
}

/** Whether this process can make a file unreadable (not as root, where chmod 000 is still readable). */
export const CAN_DENY_READ = typeof process.getuid === 'function' && process.getuid() !== 0;

/** Parse an NDJSON text into values. */
export function ndjson(text: string): unknown[] {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as unknown);
}
