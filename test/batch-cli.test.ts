/**
 * The batch through the built CLI, on real temporary trees: hundreds of nested files, zip and tar
 * archives, unreadable, binary and dangling inputs, a zip-slip entry, reports, resume, dedupe,
 * NDJSON on stdout, `-j1` vs `-j2`.
 */

import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateArticle } from '../bench/batch-articles.mjs';
import { articleTree, buildTar, buildZip, CAN_DENY_READ, distIsStale, listFiles, ndjson, REPO, runCli, tempDir, writeTree } from './batch-helpers.js';

const ARTICLES = 300;

interface Line {
  path: string;
  status: string;
  reason: string | null;
  output: string | null;
  duplicateOf: string | null;
}

let root: string;

beforeAll(async () => {
  if (distIsStale()) execSync('npm run build', { cwd: REPO, stdio: 'ignore' });
  root = await tempDir();
  await writeTree(join(root, 'corpus'), articleTree(ARTICLES));
  const zipEntries = Array.from({ length: 12 }, (_, i) => ({ name: `zipped/z${i}.txt`, data: generateArticle(1000 + i, 1500) }));
  await writeFile(join(root, 'corpus', 'pack.zip'), buildZip([...zipEntries, { name: '../../escaped.txt', data: generateArticle(2000, 1500) }, { name: 'zipped/link.txt', link: '../../../etc/passwd' }]));
  const tarEntries = Array.from({ length: 12 }, (_, i) => ({ name: `tarred/t${i}.txt`, data: generateArticle(3000 + i, 1500) }));
  await writeFile(join(root, 'corpus', 'pack.tar.gz'), await buildTar([...tarEntries, { name: 'tarred/l.txt', link: '/etc/hostname' }], true));
  await writeFile(join(root, 'corpus', 'plain.tar'), await buildTar([{ name: 'p.txt', data: generateArticle(4000, 1500) }], false));
  const binary = Buffer.alloc(3000);
  for (let i = 0; i < binary.length; i++) binary[i] = (i * 37) % 256;
  await writeFile(join(root, 'corpus', 'binary.txt'), binary);
  await writeFile(join(root, 'corpus', 'photo.jpg'), binary);
  await writeFile(join(root, 'corpus', 'locked.txt'), generateArticle(5000, 1500));
  if (CAN_DENY_READ) await chmod(join(root, 'corpus', 'locked.txt'), 0o000);
  await symlink(join(root, 'corpus', 'gone.txt'), join(root, 'corpus', 'dangling.txt'));
}, 120_000);

afterAll(() => rm(root, { recursive: true, force: true }));

describe('batch to an output folder', () => {
  let first: Awaited<ReturnType<typeof runCli>>;
  let report: Line[];

  beforeAll(async () => {
    first = await runCli(['corpus', '--out-dir', 'out', '--report', 'report.ndjson', '-j2'], root);
    report = ndjson(await readFile(join(root, 'report.ndjson'), 'utf8')) as Line[];
  }, 60_000);

  it('converts every article, mirroring the tree, and fails the bad inputs without stopping', async () => {
    expect(first.code).toBe(1);
    const files = await listFiles(join(root, 'out'));
    const outputs = files.filter((f) => f.endsWith('.json'));
    expect(outputs).toContain('corpus/d0/e0/a0000.json');
    expect(outputs).toContain('corpus/pack.zip/zipped/z0.json');
    expect(outputs).toContain('corpus/pack.tar.gz/tarred/t11.json');
    expect(outputs).toContain('corpus/plain.tar/p.json');
    expect(outputs.filter((f) => f.startsWith('corpus/d'))).toHaveLength(ARTICLES);
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const article = JSON.parse(await readFile(join(root, 'out', 'corpus/pack.zip/zipped/z3.json'), 'utf8')) as { source: { path: string } };
    expect(article.source.path).toBe('corpus/pack.zip!/zipped/z3.txt');
  });

  it('refuses the zip-slip and link entries and writes nothing outside the folder', async () => {
    const byPath = new Map(report.map((l) => [l.path, l]));
    expect(byPath.get('corpus/pack.zip!/../../escaped.txt')).toMatchObject({ status: 'failed', reason: 'unsafe-entry', output: null });
    expect(byPath.get('corpus/pack.zip!/zipped/link.txt')).toMatchObject({ status: 'failed', reason: 'link-entry' });
    expect(byPath.get('corpus/pack.tar.gz!/tarred/l.txt')).toMatchObject({ status: 'failed', reason: 'link-entry' });
    expect(existsSync(join(root, 'escaped.txt'))).toBe(false);
    expect(existsSync(join(root, 'escaped.json'))).toBe(false);
    expect((await listFiles(root)).filter((f) => f.includes('escaped'))).toEqual([]);
  });

  it('reports one line per input with status, reason and output', () => {
    const byPath = new Map(report.map((l) => [l.path, l]));
    expect(report.length).toBe(ARTICLES + 12 + 2 + 12 + 1 + 1 + 4);
    expect(byPath.get('corpus/binary.txt')).toMatchObject({ status: 'failed', reason: 'not-text' });
    expect(byPath.get('corpus/dangling.txt')).toMatchObject({ status: 'failed', reason: 'missing' });
    expect(byPath.get('corpus/photo.jpg')).toMatchObject({ status: 'skipped', reason: 'not-an-article' });
    expect(byPath.get('corpus/d1/e0/a0001.txt')).toMatchObject({ status: 'converted', output: 'corpus/d1/e0/a0001.json' });
    if (CAN_DENY_READ) expect(byPath.get('corpus/locked.txt')).toMatchObject({ status: 'failed', reason: 'unreadable' });
    else console.info('running as root: chmod 000 does not stop root from reading, so the unreadable-file assertion is skipped (the dangling link covers a read failure)');
    expect(first.stderr).toMatch(/corpus\/binary\.txt: error NOT_TEXT/u);
    expect(first.stderr).toMatch(/\d+ converted, \d+ with warnings, \d+ failed, 1 skipped/u);
  });

  it('a second plain run into the same folder is refused; --skip-existing converts nothing new', async () => {
    const again = await runCli(['corpus', '--out-dir', 'out'], root);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/--skip-existing/u);
    const resumed = await runCli(['corpus', '--out-dir', 'out', '--skip-existing', '--report', 'resume.ndjson', '-j2'], root);
    expect(resumed.code).toBe(1);
    const lines = ndjson(await readFile(join(root, 'resume.ndjson'), 'utf8')) as Line[];
    const converted = lines.filter((l) => l.status === 'converted' || l.status === 'warnings');
    expect(converted).toEqual([]);
    expect(lines.filter((l) => l.reason === 'up-to-date').length).toBe(ARTICLES + 12 + 12 + 1 + (CAN_DENY_READ ? 0 : 1));
  });

  it('--skip-existing redoes a changed input; --dry-run lists planned writes and writes nothing', async () => {
    await writeFile(join(root, 'corpus/d2/e1/a0007.txt'), generateArticle(7, 3000));
    const dry = await runCli(['corpus', '--out-dir', 'out', '--skip-existing', '--dry-run'], root);
    expect(dry.code).toBe(1);
    // Failed inputs are planned again (a dry run does not parse, so binary.txt is listed too).
    const planned = ['corpus/binary.txt', 'corpus/d2/e1/a0007.txt', ...(CAN_DENY_READ ? ['corpus/locked.txt'] : [])];
    expect(dry.stdout.trim().split('\n')).toEqual(planned.map((p) => `${p} -> ${join(root, 'out', p.replace('.txt', '.json'))}`));
    expect(dry.stderr).toMatch(/dry run, 332 inputs/u);
    const resumed = await runCli(['corpus', '--out-dir', 'out', '--skip-existing', '--report', 'resume2.ndjson'], root);
    const lines = ndjson(await readFile(join(root, 'resume2.ndjson'), 'utf8')) as Line[];
    expect(lines.filter((l) => l.status === 'converted' || l.status === 'warnings').map((l) => l.path)).toEqual(['corpus/d2/e1/a0007.txt']);
    expect(lines.find((l) => l.path === 'corpus/binary.txt')).toMatchObject({ status: 'failed', reason: 'not-text' });
    expect(resumed.code).toBe(1);
  });

  it('--skip-existing converts again an input whose recorded signature is of an earlier MinHash scheme', async () => {
    const manifestPath = join(root, 'out', '.article-parse-manifest.ndjson');
    const entries = ndjson(await readFile(manifestPath, 'utf8')) as Array<{ input: string; fp?: { s?: number } }>;
    const old = entries.filter((e) => e.input === 'corpus/d3/e0/a0003.txt' && e.fp !== undefined);
    expect(old.length).toBeGreaterThan(0);
    for (const e of old) delete e.fp!.s;
    await writeFile(manifestPath, entries.map((e) => JSON.stringify(e)).join('\n') + '\n');
    const resumed = await runCli(['corpus', '--out-dir', 'out', '--skip-existing', '--report', 'resume3.ndjson'], root);
    const lines = ndjson(await readFile(join(root, 'resume3.ndjson'), 'utf8')) as Line[];
    expect(lines.filter((l) => l.status === 'converted' || l.status === 'warnings').map((l) => l.path)).toEqual(['corpus/d3/e0/a0003.txt']);
    expect(resumed.code).toBe(1);
  });
});

describe('output determinism and streams', () => {
  it('-j1 and -j2 write byte-identical files and NDJSON', async () => {
    const one = await runCli(['corpus/d0', 'corpus/d1', 'corpus/pack.zip', '--out-dir', 'j1', '-j1', '--format', 'md'], root);
    const two = await runCli(['corpus/d0', 'corpus/d1', 'corpus/pack.zip', '--out-dir', 'j2', '-j2', '--format', 'md'], root);
    expect(two.code).toBe(one.code);
    const files = await listFiles(join(root, 'j1'));
    expect(await listFiles(join(root, 'j2'))).toEqual(files);
    expect(files.length).toBeGreaterThan(120);
    for (const f of files) expect(await readFile(join(root, 'j2', f), 'utf8'), f).toBe(await readFile(join(root, 'j1', f), 'utf8'));
    const s1 = await runCli(['corpus/d3', 'corpus/pack.tar.gz', '--format', 'ndjson', '-j1'], root);
    const s2 = await runCli(['corpus/d3', 'corpus/pack.tar.gz', '--format', 'ndjson', '-j2'], root);
    expect(s2.stdout).toBe(s1.stdout);
    const paths = (ndjson(s1.stdout) as { source: { path: string } }[]).map((a) => a.source.path);
    expect(paths[0]).toBe('corpus/d3/e0/a0003.txt');
    expect(paths.at(-1)).toBe('corpus/pack.tar.gz!/tarred/t11.txt'); // archive entries in stored order
    expect(paths).toHaveLength(ARTICLES / 5 + 12);
    expect(s1.stderr).toMatch(/corpus\/pack\.tar\.gz!\/tarred\/l\.txt: error link entries are refused/u);
  });

  it('a short batch at -j2 that starts in the main thread (the default) writes what -j1 writes', async () => {
    const one = await runCli(['corpus/d0', 'corpus/d1', '--out-dir', 'short-j1', '-j1', '--format', 'md'], root);
    const files = await listFiles(join(root, 'short-j1'));
    expect(files.length).toBeGreaterThan(50);
    // no ARTICLE_PARSE_POOL_START_MS: the pool starts late or not at all; 1 ms: it starts while the batch runs
    for (const [name, delay] of [['late', undefined], ['soon', '1']] as const) {
      const two = await runCli(['corpus/d0', 'corpus/d1', '--out-dir', `short-${name}`, '-j2', '--format', 'md'], root, undefined, { ARTICLE_PARSE_POOL_START_MS: delay });
      expect(two.code, two.stderr).toBe(one.code);
      expect(await listFiles(join(root, `short-${name}`))).toEqual(files);
      for (const f of files) expect(await readFile(join(root, `short-${name}`, f), 'utf8'), f).toBe(await readFile(join(root, 'short-j1', f), 'utf8'));
    }
  });

  it('`| head` on the NDJSON stream ends quietly', () => {
    const out = execSync(`node ${JSON.stringify(join(REPO, 'bin', 'article-parse.js'))} corpus --format ndjson -j2 2>err.txt | head -n 3; echo "exit=\${PIPESTATUS[0]}"`, { cwd: root, shell: '/bin/bash', encoding: 'utf8' });
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toMatch(/^exit=[01]$/u);
    return readFile(join(root, 'err.txt'), 'utf8').then((err) => {
      expect(err).not.toMatch(/EPIPE|Error:|at /u);
    });
  });

  it('globs, --files-from - and several plain files stream in input order', async () => {
    const glob = await runCli(['corpus/d4/e1/*.txt', '--format', 'ndjson'], root);
    expect(glob.code).toBe(0);
    const globbed = (ndjson(glob.stdout) as { source: { path: string } }[]).map((a) => a.source.path);
    expect(globbed).toEqual([...globbed].sort());
    expect(globbed.length).toBe(15);
    const list = 'corpus/d0/e0/a0000.txt\ncorpus/nope.txt\ncorpus/d1/e0/a0001.txt\n';
    const fromList = await runCli(['--files-from', '-', '--format', 'ndjson', '-q'], root, list);
    expect(fromList.code).toBe(1);
    expect((ndjson(fromList.stdout) as { source: { path: string } }[]).map((a) => a.source.path)).toEqual(['corpus/d0/e0/a0000.txt', 'corpus/d1/e0/a0001.txt']);
    expect(fromList.stderr).toBe('corpus/nope.txt: error no such file\n');
  });
});

describe('duplicates, collisions and write failures', () => {
  it('--dedupe writes only the first of exact and near duplicate groups', async () => {
    const base = generateArticle(42, 4000);
    const cut = base.indexOf('\n\n', base.indexOf('\n\n', base.indexOf('\n\n') + 2) + 2);
    const near = `${base.slice(0, cut)} The partner site added this sentence of its own.${base.slice(cut)}`;
    await writeTree(join(root, 'dups'), { 'a/orig.txt': base, 'b/copy.txt': base.replaceAll('  ', ' '), 'c/near.txt': near, 'd/other.txt': generateArticle(43, 4000) });
    const run = await runCli(['dups', '--out-dir', 'dedup', '--dedupe', '--report', 'dups.ndjson'], root);
    expect(run.code).toBe(0);
    const lines = ndjson(await readFile(join(root, 'dups.ndjson'), 'utf8')) as Line[];
    expect(lines.map((l) => [l.path, l.status, l.reason, l.duplicateOf])).toEqual([
      ['dups/a/orig.txt', 'converted', null, null],
      ['dups/b/copy.txt', 'duplicate', 'exact-duplicate', 'dups/a/orig.txt'],
      ['dups/c/near.txt', 'duplicate', 'near-duplicate', 'dups/a/orig.txt'],
      ['dups/d/other.txt', 'converted', null, null],
    ]);
    expect(await listFiles(join(root, 'dedup', 'dups'))).toEqual(['a/orig.json', 'd/other.json']);
    expect(run.stderr).toMatch(/2 duplicates \(1 exact, 1 near; not written\)/u);
  });

  it('resolves name collisions in a fixed way and fails a blocked output alone', async () => {
    const text = generateArticle(50, 1500);
    await writeTree(join(root, 'coll'), { 'x.txt': text, 'x.md': generateArticle(51, 1500), 'y.txt': generateArticle(52, 1500) });
    await mkdir(join(root, 'collout', 'coll', 'y.json'), { recursive: true });
    const run = await runCli(['coll', '--out-dir', 'collout', '--report', 'coll.ndjson'], root);
    expect(run.code).toBe(1);
    expect(await listFiles(join(root, 'collout', 'coll'))).toEqual(['x.json', 'x.txt.json']);
    const lines = ndjson(await readFile(join(root, 'coll.ndjson'), 'utf8')) as (Line & { renamed: boolean })[];
    expect(lines.map((l) => [l.path, l.output, l.renamed, l.status === 'failed' ? l.reason : 'ok'])).toEqual([
      ['coll/x.md', 'coll/x.json', false, 'ok'],
      ['coll/x.txt', 'coll/x.txt.json', true, 'ok'],
      ['coll/y.txt', null, false, 'write-failed'],
    ]);
    expect(run.stderr).toMatch(/coll\/y\.txt: error cannot write coll\/y\.json \(a file or folder of that name is in the way\)/u);
  });

  it('an unusable output folder stops the batch cleanly', async () => {
    await writeFile(join(root, 'a-file'), 'x');
    const run = await runCli(['corpus/d0', '--out-dir', 'a-file/out'], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/cannot use the output folder/u);
  });

  it('usage errors exit 2', async () => {
    expect((await runCli(['corpus/d0', '--format', 'md'], root)).code).toBe(2);
    expect((await runCli(['corpus/d0', '--out-dir', 'u', '--skip-existing', '--force'], root)).code).toBe(2);
    expect((await runCli(['corpus/d0', '-j', '0'], root)).code).toBe(2);
    expect((await runCli(['corpus/d0', '--dry-run', '--format', 'ndjson'], root)).code).toBe(2);
  });
});
