/**
 * The batch's parts in-process: entry-path checks, output names, the walk over a real tree with
 * archives, fingerprints and duplicate groups, list and record parsing.
 */

import { execFileSync, spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateArticle } from '../bench/batch-articles.mjs';
import { inlineConverter, poolConverter, POOL_START_AFTER_MS, poolStartAfter } from '../src/batch/converter.js';
import { DuplicateIndex } from '../src/batch/duplicates.js';
import { checkEntryPath, isArticleName, looksLikeGlob } from '../src/batch/entry-path.js';
import { fingerprintText, normaliseForComparison, similarity } from '../src/batch/fingerprint.js';
import { linesOf, parseRecord } from '../src/batch/ndjson-input.js';
import { OutputNamer } from '../src/batch/output-names.js';
import { readAll, readFileBytesSync } from '../src/batch/read-file.js';
import { splitList } from '../src/batch/run-batch.js';
import { runTask } from '../src/batch/run-task.js';
import { KEEP_BYTES, ScratchBuffer } from '../src/util/scratch-buffer.js';
import { packResults, unpackResults, type TaskResults } from '../src/batch/task-results.js';
import type { TaskResult } from '../src/batch/types.js';
import { BUILTIN_LABELS } from '../src/index.js';
import type { InputItem } from '../src/batch/types.js';
import { WALK_GROUP, walkInputs } from '../src/batch/walk-inputs.js';
import { buildTar, buildZip, tempDir, waitFor, writeTree } from './batch-helpers.js';

describe('checkEntryPath', () => {
  it('keeps plain relative names, dropping empty and "." segments', () => {
    expect(checkEntryPath('a/b/x.txt')).toEqual({ ok: true, path: 'a/b/x.txt' });
    expect(checkEntryPath('./a//x.txt')).toEqual({ ok: true, path: 'a/x.txt' });
    expect(checkEntryPath('a\\b\\x.txt')).toEqual({ ok: true, path: 'a/b/x.txt' });
  });
  it.each(['../x.txt', 'a/../../x.txt', '..\\x.txt', '/etc/passwd', '\\\\server\\x', 'C:/x.txt', 'c:\\x.txt', 'a/\0/x', '', './'])('refuses %j', (name) => {
    expect(checkEntryPath(name).ok).toBe(false);
  });
});

describe('names', () => {
  it('article names by extension (none counts), globs by syntax', () => {
    expect(isArticleName('a/x.TXT')).toBe(true);
    expect(isArticleName('a/x')).toBe(true);
    expect(isArticleName('a/x.jpg')).toBe(false);
    expect(looksLikeGlob('a/**/*.txt')).toBe(true);
    expect(looksLikeGlob('a/b.txt')).toBe(false);
  });

  it('gives each input a unique output name, in a fixed way', () => {
    const namer = new OutputNamer('.json', ['.article-parse-manifest.ndjson']);
    expect(namer.name('a/x.txt')).toEqual({ path: 'a/x.json', renamed: false });
    expect(namer.name('a/x.html')).toEqual({ path: 'a/x.html.json', renamed: true });
    expect(namer.name('a/X.md')).toEqual({ path: 'a/X.md.json', renamed: true });
    expect(namer.name('a/x.text')).toEqual({ path: 'a/x.text.json', renamed: true });
    expect(namer.name('a/x.txt')).toEqual({ path: 'a/x.txt.json', renamed: true });
    expect(namer.name('a/x.txt')).toEqual({ path: 'a/x~2.json', renamed: true });
    expect(namer.name('b/noext')).toEqual({ path: 'b/noext.json', renamed: false });
  });
});

describe('walkInputs', () => {
  let root: string;
  const names = async (inputs: string[], exclude: string[] = []): Promise<InputItem[]> => {
    const items: InputItem[] = [];
    for await (const item of walkInputs(inputs, { cwd: root, maxBytes: 1_000_000, exclude: exclude.map((e) => join(root, e)), readStdin: () => Promise.resolve(new Uint8Array()), stopped: () => false })) items.push(item);
    return items;
  };

  afterAll(() => rm(root, { recursive: true, force: true }));

  beforeAll(async () => {
    root = await tempDir();
    await writeTree(root, {
      'c/b/2.txt': 'two',
      'c/b/1.txt': 'one',
      'c/a.md': '# A',
      'c/.hidden.txt': 'hidden',
      'c/.git/x.txt': 'git',
      'c/pic.jpg': 'jpeg',
      'c/out/old.json': '{}',
    });
    await writeFile(
      join(root, 'c', 'pack.zip'),
      buildZip([{ name: 'in/ok.txt', data: 'zip text' }, { name: '../evil.txt', data: 'x' }, { name: '/abs.txt', data: 'x' }, { name: 'in/link.txt', link: '/etc/passwd' }, { name: 'in/img.png', data: 'x' }]),
    );
    await writeFile(join(root, 'c', 'pack.tgz'), await buildTar([{ name: 'in/t.txt', data: 'tar text' }, { name: 'in/../../up.txt', data: 'x' }, { name: 'in/l.txt', link: '../../x' }], true));
    await mkdir(join(root, 'empty'));
    await symlink(join(root, 'nowhere.txt'), join(root, 'c', 'dangling.txt'));
  });

  it('lists folders depth first in name order, skipping dot-files and excluded paths, reading archives in place', async () => {
    const items = await names(['c'], ['c/out']);
    expect(items.map((i) => [i.display, i.relPath, i.verdict?.reason ?? null])).toEqual([
      ['c/a.md', 'c/a.md', null],
      ['c/b/1.txt', 'c/b/1.txt', null],
      ['c/b/2.txt', 'c/b/2.txt', null],
      ['c/dangling.txt', 'c/dangling.txt', 'missing'],
      ['c/pack.tgz!/in/t.txt', 'c/pack.tgz/in/t.txt', null],
      ['c/pack.tgz!/in/../../up.txt', 'c/pack.tgz', 'unsafe-entry'],
      ['c/pack.tgz!/in/l.txt', 'c/pack.tgz/in/l.txt', 'link-entry'],
      ['c/pack.zip!/in/ok.txt', 'c/pack.zip/in/ok.txt', null],
      ['c/pack.zip!/../evil.txt', 'c/pack.zip', 'unsafe-entry'],
      ['c/pack.zip!//abs.txt', 'c/pack.zip', 'unsafe-entry'],
      ['c/pack.zip!/in/link.txt', 'c/pack.zip/in/link.txt', 'link-entry'],
      ['c/pack.zip!/in/img.png', 'c/pack.zip/in/img.png', 'not-an-article'],
      ['c/pic.jpg', 'c/pic.jpg', 'not-an-article'],
    ]);
    const zipped = items.find((i) => i.display === 'c/pack.zip!/in/ok.txt');
    expect(Buffer.from((await zipped?.load()) ?? []).toString()).toBe('zip text');
    const tarred = items.find((i) => i.display === 'c/pack.tgz!/in/t.txt');
    expect(Buffer.from((await tarred?.load()) ?? []).toString()).toBe('tar text');
  });

  it('expands quoted globs in sorted order and takes named files whatever their extension', async () => {
    const items = await names(['c/b/*.txt', 'c/pic.jpg', 'missing.txt', 'empty']);
    expect(items.map((i) => [i.display, i.verdict?.reason ?? null])).toEqual([
      ['c/b/1.txt', null],
      ['c/b/2.txt', null],
      ['c/pic.jpg', null],
      ['missing.txt', 'missing'],
    ]);
  });

  it('keeps name order across groups of files: more files than a group holds, subfolders between them', async () => {
    const files: Record<string, string> = {};
    const expected: string[] = [];
    for (let i = 0; i < WALK_GROUP * 2 + 5; i++) {
      const name = `many/f${String(i).padStart(3, '0')}.txt`;
      files[name] = 'x';
      expected.push(name);
      // a subfolder sorts right after this file, inside what would be one group
      if (i === 7 || i === WALK_GROUP + 1) {
        const sub = `many/f${String(i).padStart(3, '0')}z/in.txt`;
        files[sub] = 'x';
        expected.push(sub);
      }
    }
    await writeTree(root, files);
    const items = await names(['many']);
    expect(items.map((i) => i.display)).toEqual(expected);
  });

  it('turns a damaged archive into one failed input', async () => {
    await writeFile(join(root, 'bad.zip'), 'not a zip at all');
    await writeFile(join(root, 'bad.tar.gz'), 'not gzip either');
    const items = await names(['bad.zip', 'bad.tar.gz']);
    expect(items.map((i) => [i.display, i.verdict?.reason ?? null])).toEqual([
      ['bad.zip', 'archive-error'],
      ['bad.tar.gz', 'archive-error'],
    ]);
  });
});

describe('duplicates', () => {
  const base = generateArticle(1, 5000);
  const lines = base.split('\n');
  const changed = lines.map((l, i) => (i === 6 ? 'A completely different sentence was written here by another editor today.' : l)).join('\n');

  it('exact fingerprints ignore case, punctuation and spacing', () => {
    expect(fingerprintText('Hello,  World! Again').exact).toBe(fingerprintText('hello world again').exact);
    expect(fingerprintText('Hello World').exact).not.toBe(fingerprintText('Hello Word').exact);
  });

  it('a changed paragraph keeps a high MinHash similarity; another article does not', () => {
    const a = fingerprintText(base).minhash ?? [];
    const b = fingerprintText(changed).minhash ?? [];
    const c = fingerprintText(generateArticle(2, 5000)).minhash ?? [];
    expect(similarity(a, b)).toBeGreaterThanOrEqual(0.8);
    expect(similarity(a, c)).toBeLessThan(0.3);
  });

  it('the MinHash similarity estimates the Jaccard similarity of the word 3-shingle sets without bias', () => {
    // Pairs of articles sharing a known part of their paragraphs: the exact Jaccard similarity of
    // their shingle sets against the signatures' estimate, over many pairs and short texts too
    // (where most slots are empty and borrowed from their neighbours).
    const shingles = (text: string): Set<string> => {
      const words = normaliseForComparison(text).split(' ');
      const set = new Set<string>();
      for (let i = 0; i + 3 <= words.length; i++) set.add(words.slice(i, i + 3).join(' '));
      return set;
    };
    const jaccard = (a: Set<string>, b: Set<string>): number => {
      let both = 0;
      for (const s of a) if (b.has(s)) both++;
      return both / (a.size + b.size - both);
    };
    for (const bytes of [5000, 400]) {
      let error = 0;
      let absolute = 0;
      const pairs = 150;
      for (let p = 0; p < pairs; p++) {
        const a = generateArticle(100 + p, bytes).split('\n\n');
        const b = generateArticle(1000 + p, bytes).split('\n\n');
        const keep = p % 5;
        const mixed = a.map((paragraph, i) => (i % 5 < keep || i === 0 ? paragraph : (b[i] ?? paragraph))).join('\n\n');
        const original = a.join('\n\n');
        const exact = jaccard(shingles(original), shingles(mixed));
        const estimate = similarity(fingerprintText(original).minhash ?? [], fingerprintText(mixed).minhash ?? []);
        error += estimate - exact;
        absolute += Math.abs(estimate - exact);
      }
      expect(Math.abs(error / pairs)).toBeLessThan(0.03);
      expect(absolute / pairs).toBeLessThan(0.12);
    }
  });

  it('groups in input order: first is the original, then exact and near duplicates', () => {
    const index = new DuplicateIndex();
    expect(index.check(fingerprintText(base), 'one')).toBeNull();
    expect(index.check(fingerprintText(generateArticle(2, 5000)), 'two')).toBeNull();
    expect(index.check(fingerprintText(base.replaceAll(' ', '  ').replaceAll('.', ' !')), 'three')).toEqual({ kind: 'exact', of: 'one', similarity: 1 });
    expect(index.check(fingerprintText(changed), 'four')).toMatchObject({ kind: 'near', of: 'one' });
    expect(index.check(fingerprintText('short text'), 'five')).toBeNull();
  });

  it('texts written without spaces get character shingles', () => {
    const zh = '杭州新建的体育场今天正式开放市民可以免费参观新的场馆可以容纳八万名观众';
    expect(fingerprintText(zh).minhash).not.toBeNull();
  });

  it('handles thousands of originals without pairwise comparison', () => {
    const index = new DuplicateIndex();
    for (let i = 0; i < 2000; i++) expect(index.check(fingerprintText(generateArticle(i, 800)), `a${i}`)).toBeNull();
    // pairwise would be about two million comparisons; the bands bring up only chance candidates
    expect(index.comparisons).toBeLessThan(2000);
  });

  it('reports near duplicates with the similarity of the full signatures (it keeps 16 bits of each slot)', () => {
    const index = new DuplicateIndex();
    const originals = Array.from({ length: 40 }, (_, i) => generateArticle(500 + i, 3000));
    originals.forEach((text, i) => expect(index.check(fingerprintText(text), `o${i}`)).toBeNull());
    let found = 0;
    originals.forEach((text, i) => {
      const paragraphs = text.split('\n\n');
      // one paragraph replaced: similar enough to be a near duplicate, mostly
      const edited = paragraphs.map((p, k) => (k === 3 ? generateArticle(900 + i, 400).split('\n\n')[1] ?? p : p)).join('\n\n');
      const match = index.check(fingerprintText(edited), `e${i}`);
      const full = similarity(fingerprintText(text).minhash ?? [], fingerprintText(edited).minhash ?? []);
      if (full >= 0.8) {
        expect(match).toEqual({ kind: 'near', of: `o${i}`, similarity: full });
        found++;
      }
    });
    expect(found).toBeGreaterThan(20);
  });
});

describe('runTask', () => {
  const settings = { format: 'json' as const, compact: false, inputFormat: 'auto' as const, encoding: null, labels: BUILTIN_LABELS };
  const input = { file: null, path: 'a.txt', hash: true, skipIfHash: null, convert: true, temp: null, returnOutput: true };

  it('hands back inputs larger than largestInput unconverted, and converts the others', () => {
    const bytes = new TextEncoder().encode(generateArticle(3, 2000));
    const [over] = runTask({ inputs: [{ ...input, bytes }], settings, maxBytes: 1e6, largestInput: bytes.byteLength - 1 });
    const [at] = runTask({ inputs: [{ ...input, bytes }], settings, maxBytes: 1e6, largestInput: bytes.byteLength });
    expect(over).toMatchObject({ deferred: true, hash: null, produced: false, output: null, fingerprint: null, failure: null });
    expect(at).toMatchObject({ deferred: false, bytes: bytes.byteLength, produced: true, failure: null });
    expect(at?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(at?.output).toContain('"title"');
  });

  it('reads and writes files of any size in turn through its reused buffers, each output whole', async () => {
    const dir = await tempDir();
    try {
      // small, larger than the first buffer, small again, larger than the kept size
      const texts = [generateArticle(1, 500), generateArticle(2, 200_000), generateArticle(3, 300), generateArticle(4, 1_500_000)];
      const files = texts.map((_, i) => join(dir, `in${i}.txt`));
      await Promise.all(texts.map((text, i) => writeFile(files[i]!, text)));
      const inputs = files.map((file, i) => ({ ...input, file, bytes: null, path: file, temp: join(dir, `out${i}.json`) }));
      const together = runTask({ inputs, settings, maxBytes: 1e8, largestInput: Infinity });
      for (let i = 0; i < texts.length; i++) {
        const [alone] = runTask({ inputs: [{ ...input, bytes: new TextEncoder().encode(texts[i]), path: files[i]! }], settings, maxBytes: 1e8, largestInput: Infinity });
        expect(together[i]?.output).toBe(alone?.output);
        expect(together[i]?.hash).toBe(alone?.hash);
        expect(together[i]?.writeError).toBeNull();
        expect(await readFile(join(dir, `out${i}.json`), 'utf8')).toBe(alone?.output);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('converters', () => {
  const settings = { format: 'json' as const, compact: false, inputFormat: 'auto' as const, encoding: null, labels: BUILTIN_LABELS };
  const request = (seed: number) => ({
    inputs: [0, 1, 2].map((k) => ({ file: null, bytes: new TextEncoder().encode(generateArticle(seed * 10 + k, 1500)), path: `a${seed}-${k}.txt`, hash: true, skipIfHash: null, convert: true, temp: null, returnOutput: true })),
    settings,
    maxBytes: 1e6,
    largestInput: 16 * 1024 * 1024,
  });
  /** Every result of a task, outputs as text. */
  const plain = (results: TaskResults) =>
    Array.from({ length: results.length }, (_, i) => {
      const r = asText(results.get(i));
      return r === undefined ? undefined : { ...r, ms: 0, fingerprint: r.fingerprint === null ? null : { exact: r.fingerprint.exact, minhash: r.fingerprint.minhash === null ? null : [...r.fingerprint.minhash] } };
    });
  const resultsOf = async (converter: ReturnType<typeof inlineConverter>, seed: number) => plain(await converter.run(request(seed)));

  it('reads the pool start delay from ARTICLE_PARSE_POOL_START_MS, else the default', () => {
    expect(poolStartAfter({})).toBe(POOL_START_AFTER_MS);
    expect(poolStartAfter({ ARTICLE_PARSE_POOL_START_MS: '0' })).toBe(0);
    expect(poolStartAfter({ ARTICLE_PARSE_POOL_START_MS: '1500' })).toBe(1500);
    for (const bad of ['', ' ', '-1', 'soon', 'Infinity']) expect(poolStartAfter({ ARTICLE_PARSE_POOL_START_MS: bad })).toBe(POOL_START_AFTER_MS);
  });

  it('a pool whose start is still ahead converts in the calling thread, with the same results', async () => {
    const inline = inlineConverter();
    const pool = await poolConverter(2, 60_000);
    try {
      for (const seed of [1, 2, 3]) expect(await resultsOf(pool, seed)).toEqual(await resultsOf(inline, seed));
      expect(pool.inlineTasks).toBe(3);
    } finally {
      await pool.close();
    }
  });

  it('a started pool takes the tasks once a worker has loaded the converter, with the same results', async () => {
    const inline = inlineConverter();
    const pool = await poolConverter(2, 1);
    try {
      // until a worker says it has loaded, tasks are converted here
      let seed = 10;
      let last = -1;
      await waitFor(async () => {
        const before = pool.inlineTasks;
        expect(await resultsOf(pool, seed)).toEqual(await resultsOf(inline, seed));
        seed++;
        last = before;
        return pool.inlineTasks === before;
      });
      expect(last).toBeGreaterThan(0);
      const converted = pool.inlineTasks;
      for (const s of [40, 41, 42]) expect(await resultsOf(pool, s)).toEqual(await resultsOf(inline, s));
      expect(pool.inlineTasks).toBe(converted);
    } finally {
      await pool.close();
    }
  });

  it('a pool starts its workers when asked, not over later turns of a busy event loop', async () => {
    const pool = await poolConverter(1, 1, () => 1e6);
    try {
      await pool.run(request(60));
      await new Promise((resolve) => setTimeout(resolve, 5));
      // this task starts the pool (its delay has passed) and is still converted here
      await pool.run(request(61));
      expect(pool.inlineTasks).toBe(2);
      // The calling thread now blocks, as it does while it converts a task, and gives the event
      // loop no turn. The worker must load meanwhile, so that one turn later it takes the task.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 3000);
      await pool.run(request(62));
      expect(pool.inlineTasks).toBe(2);
    } finally {
      await pool.close();
    }
  });

  it('a short batch with little work ahead never starts its pool', async () => {
    const inline = inlineConverter();
    // no input is left to hand out after these: the pool would only cost
    const pool = await poolConverter(1, 1, () => 0);
    try {
      expect(await resultsOf(pool, 70)).toEqual(await resultsOf(inline, 70));
      await new Promise((resolve) => setTimeout(resolve, 5));
      // (its delay has passed: a pool started here would have a worker ready for the next task)
      expect(await resultsOf(pool, 71)).toEqual(await resultsOf(inline, 71));
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1500);
      expect(await resultsOf(pool, 72)).toEqual(await resultsOf(inline, 72));
      expect(pool.inlineTasks).toBe(3);
    } finally {
      await pool.close();
    }
  });

  it('the calling thread converts the tasks no worker has taken yet, in order, with the same results', async () => {
    const inline = inlineConverter();
    const pool = await poolConverter(1, 0);
    try {
      expect(pool.assist()).toBe(false);
      // the one worker holds two tasks; the others wait for it, or for the calling thread
      const seeds = [80, 81, 82, 83, 84];
      const running = seeds.map((seed) => pool.run(request(seed)));
      expect(pool.assist()).toBe(true);
      expect(pool.assist()).toBe(true);
      expect(pool.assisted).toBe(2);
      const results = await Promise.all(running);
      for (let k = 0; k < seeds.length; k++) expect(plain(results[k]!)).toEqual(await resultsOf(inline, seeds[k]!));
      expect(pool.assisted).toBeLessThanOrEqual(3);
    } finally {
      await pool.close();
    }
  });

  it('a pool started at once sends every task to its workers', async () => {
    const inline = inlineConverter();
    const pool = await poolConverter(2, 0);
    try {
      for (const seed of [50, 51]) expect(await resultsOf(pool, seed)).toEqual(await resultsOf(inline, seed));
      expect(pool.inlineTasks).toBe(0);
    } finally {
      await pool.close();
    }
  });
});

/** A result with its output as text (packed results carry the output's bytes). */
function asText(result: TaskResult | undefined): TaskResult | undefined {
  if (result === undefined || result.output === null || typeof result.output === 'string') return result;
  return { ...result, output: new TextDecoder().decode(result.output) };
}

describe('packed task results', () => {
  it('read back equal to what was packed, in any order and more than once', () => {
    const base: TaskResult = { bytes: null, hash: null, upToDate: false, failure: null, produced: false, output: null, writeError: null, diagnostics: [], fingerprint: null, ms: 0, deferred: false };
    const results: TaskResult[] = [
      { ...base, bytes: 12, hash: 'ab'.repeat(32), produced: true, output: '{"title":"Zürich – 東京 🚋"}\n', ms: 1.2345678901234567, fingerprint: { exact: '0f'.repeat(16), minhash: Uint32Array.from({ length: 32 }, (_, i) => (i * 0x9e3779b1) >>> 0) } },
      { ...base, failure: { reason: 'unreadable', message: 'permission denied' } },
      { ...base, bytes: 3, produced: true, writeError: 'ENOSPC', diagnostics: [{ code: 'DATELINE_SPLIT', severity: 'info', line: 3, message: 'dateline "Leeds" split off' }], fingerprint: { exact: '1'.repeat(32), minhash: null } },
      { ...base, deferred: true },
      { ...base, output: '' },
    ];
    const packed = unpackResults(packResults(results));
    expect(packed.length).toBe(results.length);
    for (const i of [4, 0, 2, 1, 3, 0]) expect(asText(packed.get(i))).toEqual(results[i]);
    // outputs come back as their UTF-8 bytes, to be written as they are
    expect(packed.get(0)?.output).toEqual(new TextEncoder().encode(results[0]!.output as string));
    expect(packed.get(5)).toBeUndefined();
    expect(unpackResults(packResults([])).length).toBe(0);
  });

  it('stay as packed while later tasks are packed (the packing buffer is reused)', () => {
    const base: TaskResult = { bytes: null, hash: null, upToDate: false, failure: null, produced: true, output: null, writeError: null, diagnostics: [], fingerprint: null, ms: 0, deferred: false };
    const task = (seed: number, size: number): TaskResult[] => [{ ...base, bytes: seed, output: String.fromCharCode(0x61 + (seed % 26)).repeat(size) }];
    // the second task outgrows the buffer the first one used; the third fits in the grown one
    const sizes = [100, 300_000, 50, 2_000_000];
    const packed = sizes.map((size, seed) => packResults(task(seed, size)));
    sizes.forEach((size, seed) => expect(asText(unpackResults(packed[seed]!).get(0))).toEqual(task(seed, size)[0]));
    // each is a buffer of its own, exactly as long as its content
    expect(new Set(packed.map((p) => p.buffer)).size).toBe(sizes.length);
    for (const p of packed) expect(p.byteLength).toBe(p.buffer.byteLength);
  });
});

describe('ScratchBuffer', () => {
  it('reuses one buffer up to the kept size and makes larger ones for the one use', () => {
    const scratch = new ScratchBuffer();
    const first = scratch.get(10);
    expect(first.length).toBeGreaterThanOrEqual(10);
    expect(scratch.get(first.length)).toBe(first);
    const grown = scratch.get(first.length + 1);
    expect(grown).not.toBe(first);
    expect(scratch.get(5)).toBe(grown);
    const huge = scratch.get(KEEP_BYTES + 1);
    expect(huge.length).toBe(KEEP_BYTES + 1);
    expect(scratch.get(KEEP_BYTES + 1)).not.toBe(huge);
    expect(scratch.get(5)).toBe(grown);
  });
});

describe('reading an input file', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await tempDir('read-file');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads every byte, with and without a scratch buffer, whatever the size', async () => {
    const scratch = new ScratchBuffer();
    for (const size of [0, 1, 4095, 4096, 65_537, KEEP_BYTES + 3]) {
      const bytes = Buffer.alloc(size);
      for (let i = 0; i < size; i++) bytes[i] = (i * 7 + size) & 255;
      const file = join(dir, `f${size}.bin`);
      await writeFile(file, bytes);
      expect(Buffer.from(readFileBytesSync(file, 1 << 30))).toEqual(bytes);
      expect(Buffer.from(readFileBytesSync(file, 1 << 30, scratch))).toEqual(bytes);
    }
  });

  it('reads to the end when the size it was told is stale, larger or smaller', async () => {
    const bytes = Buffer.from('x'.repeat(10_000));
    const file = join(dir, 'stale.txt');
    await writeFile(file, bytes);
    for (const told of [0, 1, 9_999, 10_001, 50_000]) {
      const fd = openSync(file, 'r');
      try {
        expect(Buffer.from(readAll(fd, told, undefined, true))).toEqual(bytes);
        expect(Buffer.from(readAll(fd, told, undefined, true))).toEqual(Buffer.alloc(0)); // at the end already
      } finally {
        closeSync(fd);
      }
    }
  });

  it.runIf(process.platform !== 'win32')('reads a pipe to its end, through short reads', async () => {
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    // the writer sends 3 bytes, waits, then 3 more: the first read returns the first 3 only
    const writer = spawn(process.execPath, ['-e', `const fs = require('fs'); const fd = fs.openSync(${JSON.stringify(fifo)}, 'w'); fs.writeSync(fd, 'abc'); setTimeout(() => { fs.writeSync(fd, 'def'); fs.closeSync(fd); }, 200);`]);
    const closed = new Promise((resolve) => writer.on('close', resolve));
    expect(Buffer.from(readFileBytesSync(fifo, 1 << 20)).toString()).toBe('abcdef');
    await closed;
  });
});

describe('lists and records', () => {
  it('splits --files-from lists by line or by NUL', () => {
    expect(splitList('a.txt\r\nb c.txt\n\n')).toEqual(['a.txt', 'b c.txt']);
    expect(splitList('a\nb.txt\0c.txt\0')).toEqual(['a\nb.txt', 'c.txt']);
  });

  it('reads NDJSON records', async () => {
    expect(parseRecord('{"id": 7, "text": "x"}')).toEqual({ id: '7', body: 'x', kind: 'text' });
    expect(parseRecord('{"id": "a", "html": "<p>x</p>"}')).toEqual({ id: 'a', body: '<p>x</p>', kind: 'html' });
    expect(parseRecord('[1]')).toHaveProperty('error');
    expect(parseRecord('{"text": "x"}')).toHaveProperty('error');
    expect(parseRecord('{oops')).toHaveProperty('error');
    const chunks = [Buffer.from('one\ntw'), Buffer.from([0xc3]), Buffer.from([0xa9, 0x0a]), Buffer.from('three')];
    const lines: string[] = [];
    for await (const line of linesOf((async function* () { yield* chunks; })())) lines.push(line);
    expect(lines).toEqual(['one', 'twé', 'three']);
  });
});
