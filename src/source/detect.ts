/**
 * detect: guess the legacy encoding of bytes that are not valid UTF-8.
 *
 * chardet proposes candidates with its own confidence; a fixed set of encodings common in scraped
 * news archives is always tried as well. Each candidate decodes a sample of the input, and the
 * decoded sample is scored with {@link plausibility}. The best sum of plausibility and a small
 * bonus for chardet's confidence wins; ties go to the more common encoding.
 */

import { createRequire } from 'node:module';

type Chardet = typeof import('chardet');
let chardetModule: Chardet | undefined;

/** chardet, loaded on first use: valid UTF-8 (most input) never needs it. */
function chardet(): Chardet {
  chardetModule ??= createRequire(import.meta.url)('chardet') as Chardet;
  return chardetModule;
}
import { decodeSample } from './codec.js';
import { plausibility } from './plausibility.js';

/** Encodings always tried, most common first (the order breaks ties). WHATWG names. */
export const CORE_CANDIDATES: readonly string[] = [
  'windows-1252',
  'windows-1251',
  'windows-1256',
  'gb18030',
  'shift_jis',
  'euc-kr',
  'big5',
  'windows-1254',
  'iso-8859-15',
  'koi8-r',
  'iso-8859-6',
];

/** Further encodings tried only when chardet proposes them. */
const EXTRA_CANDIDATES: ReadonlySet<string> = new Set([
  'windows-1250',
  'iso-8859-2',
  'windows-1253',
  'iso-8859-7',
  'windows-1255',
  'iso-8859-8',
  'iso-8859-5',
  'windows-1257',
  'windows-874',
  'euc-jp',
]);

/** Bytes of the input the detector looks at. Decoding the whole input happens once, afterwards. */
export const SAMPLE_BYTES = 64 * 1024;

/** One scored reading of the sample. */
export interface Candidate {
  encoding: string;
  /** chardet's confidence 0..100, or 0 when chardet did not propose this encoding. */
  detector: number;
  plausibility: number;
  score: number;
  sample: string;
}

/** The detector's answer. */
export interface Detection {
  /** WHATWG canonical name, lower case. */
  encoding: string;
  /** 0..1. */
  confidence: number;
  /** Plausibility of the winning reading (average points per non-ASCII character). */
  plausibility: number;
  /** All candidates, best first (for debugging and tests). */
  candidates: Candidate[];
}

function whatwgName(label: string): string | null {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null;
  }
}

/**
 * Guess the encoding of `bytes` (expected not to be valid UTF-8). `extra` adds candidates such as
 * a lossy `utf-8` reading. Works on the first {@link SAMPLE_BYTES} bytes, so its cost is bounded.
 */
export function detectLegacyEncoding(bytes: Uint8Array, extra: readonly string[] = []): Detection {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  const proposed = new Map<string, number>();
  for (const match of chardet().analyse(sample)) {
    const name = whatwgName(match.name);
    if (name === null || name.startsWith('utf-') || name === 'replacement') continue;
    if (!proposed.has(name)) proposed.set(name, match.confidence);
  }
  const names: string[] = [...CORE_CANDIDATES];
  for (const [name, confidence] of proposed) {
    if (!names.includes(name) && EXTRA_CANDIDATES.has(name) && confidence >= 10) names.push(name);
  }
  for (const name of extra) if (!names.includes(name)) names.push(name);

  const candidates: Candidate[] = names.map((encoding, order) => {
    const text = decodeSample(encoding, sample, sample.length < bytes.length);
    const p = plausibility(text);
    const detector = proposed.get(encoding) ?? 0;
    // chardet's vote counts up to 0.5 points; encodings outside the core list start 0.2 behind;
    // the order is only a tie-breaker
    const extraPenalty = order >= CORE_CANDIDATES.length ? 0.2 : 0;
    const score = p.score + (0.5 * detector) / 100 - extraPenalty - order * 1e-4;
    return { encoding, detector, plausibility: p.score, score, sample: text };
  });
  candidates.sort((a, b) => b.score - a.score);
  const best = candidates[0]!;
  // the runner-up is the best candidate that reads the bytes differently
  const second = candidates.find((c) => c.sample !== best.sample);
  const margin = second === undefined ? 2 : best.score - second.score;
  const nonAscii = plausibility(best.sample).nonAscii;
  const separation = Math.min(1, margin / 0.8);
  const support = Math.min(1, nonAscii / 20);
  let confidence = 0.35 + 0.65 * separation * (0.2 + 0.8 * support);
  if (best.plausibility < 0.8) confidence *= 0.7;
  confidence = Math.round(Math.max(0, Math.min(1, confidence)) * 100) / 100;
  return { encoding: best.encoding, confidence, plausibility: best.plausibility, candidates };
}
