/**
 * Language identification: our inverted-index scorer must rank exactly as the reference trigram
 * model (franc's `francAll`) over the same candidates, on real text of many scripts and on
 * generated strings; the letter and script counts must equal the regular-expression counts.
 */

import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { francAll } from 'franc';
import { expressions } from 'franc/expressions.js';
import { describe, expect, it } from 'vitest';
import { detectDirection, detectLanguage, joinSample } from '../src/language/detect-language.js';
import { ISO639_3_TO_BCP47, toBcp47 } from '../src/language/iso639.js';
import { countLetters, mayHoldRtl } from '../src/language/letter-count.js';
import { RUN_SETS, RUN_STARTS, SCRIPT_NAMES, SCRIPT_SETS } from '../src/language/script-runs.js';
import { isScriptless, topScript, topScriptOfSets, unitScriptSet } from '../src/language/top-script.js';
import { computeScriptRuns } from '../scripts/make-script-runs.mjs';
import { computeTrigramIndex, encodeScriptFile, packScript } from '../scripts/make-trigram-index.mjs';
import { countPlainSample, sampleTrigramCounts } from '../src/language/sample-trigrams.js';
import { scriptIndex } from '../src/language/trigram-distance.js';
import { TRIGRAM_LANGUAGES } from '../src/language/trigram-languages.js';

const CANDIDATES = Object.keys(ISO639_3_TO_BCP47);
const RTL = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Adlam}]/gu;

/** The reference: franc over the same sample, candidates and confidence rule. */
function reference(text: string): { language: string; confidence: number } {
  const sample = text.slice(0, 4000);
  if ((sample.match(/\p{L}/gu) ?? []).length < 12) return { language: 'und', confidence: 0 };
  const ranked = francAll(sample, { minLength: 12, only: CANDIDATES });
  const best = ranked[0];
  if (best === undefined || best[0] === 'und') return { language: 'und', confidence: 0 };
  const second = ranked[1]?.[1] ?? 0;
  return { language: toBcp47(best[0]), confidence: Math.round(Math.min(1, (1 - second) / 0.15) * 100) / 100 };
}

function fixtureTexts(): string[] {
  const dir = join(import.meta.dirname, '..', 'fixtures');
  return readdirSync(dir)
    .filter((name) => /\.(txt|md|html?)$/u.test(name) && statSync(join(dir, name)).isFile())
    .map((name) => readFileSync(join(dir, name), 'utf8'));
}

const CORPUS = join(import.meta.dirname, '..', '..', 'shared', 'corpora', 'readability-pages');

function corpusTexts(): string[] {
  if (!existsSync(CORPUS)) return [];
  const out: string[] = [];
  for (const page of readdirSync(CORPUS).sort()) {
    const file = join(CORPUS, page, 'source.innertext.txt');
    if (!existsSync(file)) continue;
    const text = readFileSync(file, 'utf8');
    out.push(text);
    // short pieces too: the answer and its margin move most on little text
    for (let i = 0; i < text.length; i += 1499) out.push(text.slice(i, i + 200));
  }
  return out;
}

describe('detectLanguage equals the reference trigram model', () => {
  it('on every fixture', () => {
    const texts = fixtureTexts();
    expect(texts.length).toBeGreaterThan(30);
    for (const text of texts) expect(detectLanguage(text)).toEqual(reference(text));
  });

  it.runIf(existsSync(CORPUS))('on the whole-page texts of the corpus and pieces of them', () => {
    const texts = corpusTexts();
    expect(texts.length).toBeGreaterThan(500);
    for (const text of texts) expect(detectLanguage(text)).toEqual(reference(text));
  });

  it('on generated strings of mixed scripts, digits, punctuation and astral characters', () => {
    const pieces = ['der Hafen', 'the harbour', 'город', 'مدينة', 'עיר', 'शहर', '城市', 'まち', '도시', 'πόλη', 'เมือง', '𠀀𠀁', '😀', '12', '!?', ' ', '\n', 'İI', 'ΣΑΣ', 'ΟΔΟΣ.the', '\uD800', '\uDC00', 'ä', 'ß', '\u00A0', '\u2003', '\u2028', '\u3000', '\uFEFF', '\t', '.', "l'eau", '@'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        expect(detectLanguage(text)).toEqual(reference(text));
      }),
      { numRuns: 500 },
    );
  });
});

/** The model's trigram counts of a sample, from its cleaning as the model writes it. */
function modelTrigramCounts(value: string): Map<string, number> {
  const clean = ` ${value.replace(/[\u0021-\u0040]+/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase()} `;
  const counts = new Map<string, number>();
  for (let i = 0; i + 2 < clean.length; i++) {
    const trigram = clean.slice(i, i + 3);
    counts.set(trigram, (counts.get(trigram) ?? 0) + 1);
  }
  return counts;
}

describe('the sample trigram counts', () => {
  it('equal those of the cleaned, lower-cased sample, lowering unit by unit or not', () => {
    // units whose lower case is not one unit of their own, capitals of many scripts, spaces
    const tricky = ['İ', 'Σ', 'ΟΔΟΣ.', 'K', 'ẞ', 'ǅ', 'Ⅻ', 'Ａ', '𐐀', '\uD801', '\uDC00', 'Ǆ', 'Ÿ', 'Ω', 'Ж', 'ß', ' ', '\u00A0', '\u3000', '\uFEFF', '\u2029', '\u0000', '12', '.', 'A', 'z'];
    const piece = fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.string({ unit: 'grapheme-ascii', maxLength: 12 }), fc.constantFrom(...tricky));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const value = parts.join('');
        expect(sampleTrigramCounts(value)).toEqual(modelTrigramCounts(value));
      }),
      { numRuns: 2000 },
    );
    for (const value of ['', ' ', 'a', 'Ab', 'ÀÉÎÕÜ Ñandú', 'ΟΔΟΣ', 'İstanbul', 'Kelvin K', '\u0000A\u0000']) expect(sampleTrigramCounts(value)).toEqual(modelTrigramCounts(value));
  });

  it('lower every code unit on its own but the capital dotted I, which the count writes out as i and U+0307', () => {
    const longer: number[] = [];
    for (let unit = 0; unit < 0x10000; unit++) {
      if (unit >= 0xd800 && unit <= 0xdfff) continue;
      if (String.fromCharCode(unit).toLowerCase().length !== 1) longer.push(unit);
    }
    expect(longer).toEqual([0x130]);
    expect('\u0130'.toLowerCase()).toBe('i\u0307');
    // beyond the limit of the direct count (62 distinct letters) before or after the first İ
    const many = 'abcdefghijklmnopqrstuvwxyzабвгдежзийклмнопрстуфхцчшщъыьэюяαβγδεζηθικλμνξοπρστυφχψω';
    for (const value of ['İzmir', 'İZMİR İLİ', 'Σİ', 'İ𐐀', 'aİ.İ', 'İ', ' İ ', `${many} İzmir`, `İzmir ${many}`, `${many}Σ İ`]) expect(sampleTrigramCounts(value)).toEqual(modelTrigramCounts(value));
  });

  it('are the same on either side of the limit of the direct count (62 distinct letters and the space)', () => {
    // lower and upper case letters of three scripts: 82 distinct letters when lowered
    const pool = [...'abcdefghijklmnopqrstuvwxyzабвгдежзийклмнопрстуфхцчшщъыьэюяαβγδεζηθικλμνξοπρστυφχψω'];
    fc.assert(
      fc.property(fc.shuffledSubarray(pool, { minLength: 55, maxLength: 70 }), fc.array(fc.nat(), { minLength: 1, maxLength: 300 }), fc.boolean(), (letters, picks, upper) => {
        // every chosen letter once, then random ones, with spaces and punctuation between
        const chosen = [...letters, ...picks.map((p) => letters[p % letters.length] as string)];
        const value = chosen.map((c, i) => (upper && i % 3 === 0 ? c.toUpperCase() : c) + (i % 5 === 4 ? ' ' : i % 7 === 6 ? '.,' : '')).join('');
        expect(sampleTrigramCounts(value)).toEqual(modelTrigramCounts(value));
      }),
      { numRuns: 300 },
    );
  });
});

/** The trigrams of a counted sample as a map, as `sampleTrigramCounts` gives them. */
function trigramMap(trigrams: { distinct: number; gramXY: Int32Array; gramZC: Int32Array }): Map<string, number> {
  const counts = new Map<string, number>();
  for (let k = 0; k < trigrams.distinct; k++) {
    const xy = trigrams.gramXY[k] as number;
    const zc = trigrams.gramZC[k] as number;
    counts.set(String.fromCharCode(xy >>> 16, xy & 0xffff, zc >>> 16), zc & 0xffff);
  }
  return counts;
}

describe('the script read off the trigram count of a plain sample', () => {
  /** The plain count's script and trigrams equal `topScript` and the model's count; false when the sample is not plain. */
  function plainMatches(value: string, trigramsToo = true): boolean {
    const plain = countPlainSample(value);
    if (plain === null) return false;
    if (trigramsToo) expect(trigramMap(plain.trigrams)).toEqual(modelTrigramCounts(value));
    const script = topScriptOfSets(plain.setUnits, value.length);
    const general = topScript(value);
    if (script.script !== general.script || script.share !== general.share) expect(script).toEqual(general);
    return true;
  }

  it('is the script topScript finds, on text of many scripts, spaces and units that lower into another unit', () => {
    // capitals whose lower case is a letter of another block or script (Kelvin, Ohm and Angstrom
    // signs, Roman numerals, fullwidth letters), spaces of many kinds, İ, Σ, surrogates
    // and capitals the script expressions leave out whose lower case they hold (U+A7DC and ƛ)
    const tricky = ['İ', 'Σ', 'K', 'k', 'Ω', 'ω', 'Å', 'å', 'Ⅻ', 'ⅻ', 'Ａ', 'ａ', 'ǅ', 'ẞ', 'ß', '\u0307', '\uA7DC', '\u019B', '\uA7CB', '\u0264', '\uA7D2', '\uA7D3', ' ', '\u00A0', '\u1680', '\u2003', '\u3000', '\uFEFF', '\u2028', '\t', '\n', '1', '.', '𐐀', '\uD801', '\uDC00', '\u0000'];
    const words = ['Der Hafen', 'the harbour', 'город', 'мОРЕ', 'مدينة', 'עיר', 'शहर', '城市', 'まち', '도시', 'πόλη', 'ΠΌΛΗ', 'เมือง', 'İzmir', "l'eau"];
    const piece = fc.oneof(fc.constantFrom(...tricky), fc.constantFrom(...words), fc.string({ unit: 'binary', maxLength: 6 }), fc.string({ unit: 'grapheme-ascii', maxLength: 8 }));
    let plain = 0;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 50 }), (parts) => {
        if (plainMatches(parts.join(''))) plain++;
      }),
      { numRuns: 3000 },
    );
    // most of these samples take the plain count, and so are compared
    expect(plain).toBeGreaterThan(1000);
  });

  it('is the script topScript finds for every BMP unit between letters of several scripts', () => {
    let plain = 0;
    for (let unit = 0; unit < 0x10000; unit++) {
      const ch = String.fromCharCode(unit);
      const lower = ch.toLowerCase();
      if (plainMatches(`a${ch}b ${ch}${ch}Ж.${ch}ا`, false)) plain++;
      if (lower !== ch) plainMatches(`${ch}${lower}`, false);
    }
    expect(plain).toBeGreaterThan(0xf000);
  });

  it('needs no count of the spaces: every unit the cleaning makes a space counts for no script', () => {
    for (let unit = 0; unit < 0x10000; unit++) {
      if (unit >= 0xd800 && unit <= 0xdfff) continue;
      const lower = String.fromCharCode(unit).toLowerCase();
      if (lower.length === 1 && /^[\u0021-\u0040\s]$/u.test(lower)) expect(isScriptless(unitScriptSet(unit)), `U+${unit.toString(16)}`).toBe(true);
    }
  });

  it('takes the samples of the benchmark languages and a Turkish sample with capital dotted I', () => {
    for (const value of ['Der Hafen von Hamburg wird ausgebaut.', 'İzmir, Türkiye – Şehir meclisi', 'город у моря', 'El río y la ciudad']) expect(plainMatches(value)).toBe(true);
  });
});

describe('the generated trigram index', () => {
  it('still matches the profiles and the candidate languages (else: npm run build && node scripts/make-trigram-index.mjs)', () => {
    const fresh = computeTrigramIndex(CANDIDATES);
    expect(Object.keys(TRIGRAM_LANGUAGES)).toEqual(Object.keys(fresh));
    const folder = join(import.meta.dirname, '..', 'src', 'language', 'trigram-index');
    expect(readdirSync(folder).sort()).toEqual(Object.keys(fresh).map((s) => `${s}.bin`).sort());
    for (const [script, entry] of Object.entries(fresh)) {
      const packed = packScript(entry);
      expect(readFileSync(join(folder, `${script}.bin`)).equals(encodeScriptFile(packed))).toBe(true);
      expect(scriptIndex(script)).toEqual(packed);
    }
  });
});

describe('letter and script counts', () => {
  it('count letters and right-to-left characters as the Unicode property expressions do', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (text) => {
        const { letters, rtl } = countLetters(text);
        expect(letters).toBe((text.match(/\p{L}/gu) ?? []).length);
        expect(rtl).toBe((text.match(RTL) ?? []).length);
      }),
      { numRuns: 2000 },
    );
  });

  it('use a script table that still matches the script expressions (else: node scripts/make-script-runs.mjs)', () => {
    const fresh = computeScriptRuns();
    expect(SCRIPT_NAMES).toEqual(fresh.names);
    expect(SCRIPT_SETS).toEqual(fresh.sets);
    expect(RUN_STARTS).toEqual(fresh.starts);
    expect(RUN_SETS).toEqual(fresh.runSets);
  });

  it('find the top script as the script expressions count it (four counting lanes, surrogates, any length)', () => {
    // franc's own rule: the most global matches of a script's expression, the first on a tie
    const reference = (value: string): { script: string; share: number } => {
      let script = '';
      let top = -1;
      for (const name of SCRIPT_NAMES) {
        const count = (value.match(new RegExp((expressions[name] as RegExp).source, 'g')) ?? []).length;
        if (count > top) {
          top = count;
          script = name;
        }
      }
      return { script, share: top / value.length || 0 };
    };
    const pieces = ['Hafen', 'город', 'مدينة', 'עיר', 'शहर', '城市', 'まち', '도시', 'πόλη', '𠀀', '𠀁𠀂', '😀', '\uD840', '\uD800', '\uDC00', '\uDFFF', '\uDBFF\uDFFF', ' ', '1', 'ab'];
    const piece = fc.oneof(fc.constantFrom(...pieces), fc.string({ unit: 'binary', maxLength: 7 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const value = parts.join('');
        expect(topScript(value)).toEqual(reference(value));
      }),
      { numRuns: 1000 },
    );
  });

  it('find the top script of a sample', () => {
    expect(topScript('Der Hafen von Hamburg').script).toBe('Latin');
    expect(topScript('город у моря').script).toBe('Cyrillic');
    expect(topScript('ميناء المدينة').script).toBe('Arabic');
    expect(topScript('𠀀𠀁𠀂 ab').script).toBe('cmn');
    expect(topScript('12 34').share).toBe(0);
  });

  it('find every character of a right-to-left script by the quick scan', () => {
    const single = new RegExp(`^${RTL.source}$`, 'u');
    for (let cp = 0; cp < 0x10000; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCharCode(cp);
      if (single.test(ch)) expect(mayHoldRtl(ch), `U+${cp.toString(16)}`).toBe(true);
    }
    expect(mayHoldRtl('Hamburg, 𝔸')).toBe(true);
    expect(mayHoldRtl('Hamburg, Привет, 東京')).toBe(false);
  });

  it('join only the sample that identification reads, and read the same from it', () => {
    const piece = fc.oneof(fc.string({ unit: 'binary', maxLength: 900 }), fc.constantFrom('Der Hafen von Kiel wird ausgebaut.', 'город у моря', '😀'.repeat(300)));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const whole = parts.join('\n');
        const sample = joinSample(parts);
        expect(whole.startsWith(sample)).toBe(true);
        expect(sample.slice(0, 4000)).toBe(whole.slice(0, 4000));
        expect(detectLanguage(sample)).toEqual(detectLanguage(whole));
        expect(detectDirection(sample)).toBe(detectDirection(whole));
      }),
      { numRuns: 300 },
    );
  });

  it('give the direction of right-to-left text', () => {
    expect(detectDirection('שלום לכולם, העיר חוגגת')).toBe('rtl');
    expect(detectDirection('Hamburg: שלום')).toBe('ltr');
    expect(detectDirection('2026')).toBe('ltr');
  });
});
