// CI gate: article-parse's HTML extraction on Readability's 130 test pages must not fall below the
// floors pinned in bench/accuracy-baseline.json. Uses the same harness as `npm run bench:accuracy`
// (bench/accuracy-lib.mjs), article-parse's side only.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { corpusAvailable, CORPUS, predictAll, scoreDir, segmenterPredictor } from '../bench/accuracy-lib.mjs';
import { segmentHtml } from '../src/html/segment-html.js';

const baseline = JSON.parse(readFileSync(new URL('../bench/accuracy-baseline.json', import.meta.url), 'utf8')) as { f1: number; titleExact: number };
const available = corpusAvailable();
if (!available) console.warn(`accuracy gate skipped: ${CORPUS} (../shared) is not present`);

describe.skipIf(!available)('accuracy gate (Readability test pages)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ap-gate-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(`body F1 >= ${baseline.f1} and title exact >= ${baseline.titleExact}`, async () => {
    const { failures } = predictAll(segmenterPredictor(segmentHtml), dir);
    expect(failures).toEqual([]);
    const s = await scoreDir(dir);
    const worst = [...s.perPage].sort((a, b) => a.f1 - b.f1).slice(0, 5).map((p) => `${p.page} ${p.f1.toFixed(3)}`);
    console.info(`accuracy gate: F1 ${s.f1.toFixed(3)}, title ${s.titleExact?.toFixed(3)}, ${s.pages} pages; worst: ${worst.join(', ')}`);
    expect(s.pages).toBeGreaterThanOrEqual(130);
    expect(s.f1).toBeGreaterThanOrEqual(baseline.f1);
    expect(s.titleExact ?? 0).toBeGreaterThanOrEqual(baseline.titleExact);
  }, 240_000);
});
