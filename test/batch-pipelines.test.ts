/**
 * Past one machine: `--input-format ndjson` as a line mapper (Hadoop Streaming, Spark
 * `RDD.pipe`), and GNU parallel over split NDJSON input giving the same output as one process.
 */

import { execSync, spawnSync } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateArticle } from '../bench/batch-articles.mjs';
import { BIN, distIsStale, ndjson, REPO, runCli, tempDir } from './batch-helpers.js';

const HAS_PARALLEL = spawnSync('parallel', ['--version'], { stdio: 'ignore' }).status === 0;

function records(count: number): string {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const text = generateArticle(i, 2000);
    if (i % 7 === 3) lines.push(JSON.stringify({ id: `page-${i}.html`, html: `<html><head><title>${text.split('\n')[0] ?? ''}</title></head><body><article>${text.split('\n\n').map((p) => `<p>${p}</p>`).join('')}</article></body></html>` }));
    else lines.push(JSON.stringify({ id: `doc-${i}`, text }));
  }
  return lines.join('\n') + '\n';
}

const roots: string[] = [];
afterAll(() => Promise.all(roots.map((r) => rm(r, { recursive: true, force: true }))));

beforeAll(() => {
  if (distIsStale()) execSync('npm run build', { cwd: REPO, stdio: 'ignore' });
});

describe('--input-format ndjson', () => {
  it('maps records to one Article per line, in order, with source.path = id', async () => {
    const root = await tempDir();
    roots.push(root);
    const input = records(20) + '{"id": "empty", "text": ""}\nnot json\n';
    const run = await runCli(['--input-format', 'ndjson'], root, input);
    expect(run.code).toBe(1);
    const articles = ndjson(run.stdout) as { source: { path: string; format: string }; title: string | null }[];
    expect(articles.map((a) => a.source.path)).toEqual(Array.from({ length: 20 }, (_, i) => (i % 7 === 3 ? `page-${i}.html` : `doc-${i}`)));
    expect(articles[3]?.source.format).toBe('html');
    expect(articles[0]?.source.format).toBe('text');
    expect(run.stderr).toMatch(/^empty: error EMPTY_INPUT/mu);
    expect(run.stderr).toMatch(/^<stdin>:22: error not valid JSON/mu);
  });

  it('refuses options that do not apply', async () => {
    const root = await tempDir();
    roots.push(root);
    expect((await runCli(['--input-format', 'ndjson', '--out-dir', 'x'], root, '')).code).toBe(2);
    expect((await runCli(['--input-format', 'ndjson', '--format', 'md'], root, '')).code).toBe(2);
  });
});

describe('GNU parallel', () => {
  it.skipIf(!HAS_PARALLEL)('parallel --pipe over split NDJSON gives the single-process output', async () => {
    const root = await tempDir();
    roots.push(root);
    await writeFile(join(root, 'records.ndjson'), records(80));
    const single = execSync(`node ${JSON.stringify(BIN)} --input-format ndjson < records.ndjson`, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const merged = execSync(`parallel --will-cite --pipe --keep-order --block 40k -j2 node ${JSON.stringify(BIN)} --input-format ndjson < records.ndjson`, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(ndjson(single)).toHaveLength(80);
    expect(merged).toBe(single);
  }, 60_000);

  it.runIf(!HAS_PARALLEL)('is skipped: GNU parallel is not installed (Debian package "parallel"; .ci/run installs it)', () => {
    console.warn('GNU parallel not installed: the parallel --pipe end-to-end test was skipped');
  });
});
