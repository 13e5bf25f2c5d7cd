/**
 * The batch under interruption: SIGINT mid-run leaves no temporary or partial files, exits 130
 * and a `--skip-existing` rerun completes the job; a file deleted mid-run fails alone.
 */

import { readFileSync } from 'node:fs';
import { readFile, rm, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execSync } from 'node:child_process';
import { generateArticle } from '../bench/batch-articles.mjs';
import { articleTree, collect, distIsStale, listFiles, ndjson, REPO, runCli, spawnCli, tempDir, waitFor, writeTree } from './batch-helpers.js';

const COUNT = 500;

const roots: string[] = [];
afterAll(() => Promise.all(roots.map((r) => rm(r, { recursive: true, force: true }))));

beforeAll(() => {
  if (distIsStale()) execSync('npm run build', { cwd: REPO, stdio: 'ignore' });
});

async function outputs(dir: string): Promise<string[]> {
  return (await listFiles(dir)).filter((f) => f.endsWith('.json'));
}

describe('interruption', () => {
  it('SIGINT: finishes what is in flight, no partial files, exit 130; --skip-existing completes the job', async () => {
    const root = await tempDir();
    roots.push(root);
    await writeTree(join(root, 'in'), articleTree(COUNT, 4000));
    const child = spawnCli(['in', '--out-dir', 'out', '-j2'], root);
    const done = collect(child);
    let ended = false;
    void done.then(() => (ended = true));
    await waitFor(async () => ended || (await outputs(join(root, 'out'))).length >= 40);
    expect(ended, 'the batch ended before it could be interrupted').toBe(false);
    child.kill('SIGINT');
    const run = await done;
    expect(run.code).toBe(130);
    expect(run.stderr).toMatch(/interrupted by SIGINT after \d+ inputs/u);

    const files = await listFiles(join(root, 'out'));
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const written = files.filter((f) => f.endsWith('.json'));
    expect(written.length).toBeGreaterThan(0);
    expect(written.length).toBeLessThan(COUNT);
    for (const f of written) expect(() => JSON.parse(readFileSync(join(root, 'out', f), 'utf8')) as unknown, f).not.toThrow();
    const manifest = ndjson(await readFile(join(root, 'out', '.article-parse-manifest.ndjson'), 'utf8'));
    expect(manifest).toHaveLength(written.length);

    const resumed = await runCli(['in', '--out-dir', 'out', '-j2', '--skip-existing', '--report', 'resume.ndjson'], root);
    expect(resumed.code).toBe(0);
    expect(await outputs(join(root, 'out'))).toHaveLength(COUNT);
    const lines = ndjson(await readFile(join(root, 'resume.ndjson'), 'utf8')) as { status: string }[];
    expect(lines.filter((l) => l.status === 'skipped')).toHaveLength(written.length);
    expect(resumed.stderr).toMatch(new RegExp(`${written.length} skipped`, 'u'));
  }, 60_000);

  it('a file deleted mid-run fails alone', async () => {
    const root = await tempDir();
    roots.push(root);
    await writeTree(join(root, 'in'), { ...articleTree(400, 3000), 'zz-victim.txt': generateArticle(9999, 3000) });
    const child = spawnCli(['in', '--out-dir', 'out', '-j1', '--report', 'report.ndjson'], root);
    const done = collect(child);
    let ended = false;
    void done.then(() => (ended = true));
    await waitFor(async () => ended || (await outputs(join(root, 'out'))).length >= 1);
    expect(ended, 'the batch ended before the file could be deleted').toBe(false);
    await unlink(join(root, 'in', 'zz-victim.txt'));
    const run = await done;
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/in\/zz-victim\.txt: error no such file/u);
    const lines = ndjson(await readFile(join(root, 'report.ndjson'), 'utf8')) as { path: string; status: string; reason: string | null }[];
    expect(lines.at(-1)).toMatchObject({ path: 'in/zz-victim.txt', status: 'failed', reason: 'missing' });
    expect(lines.filter((l) => l.status === 'converted' || l.status === 'warnings')).toHaveLength(400);
  }, 60_000);
});
