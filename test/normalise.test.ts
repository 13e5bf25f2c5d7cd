/**
 * normalise stage: every clean-up of issue 2 on its own, link positions kept, and idempotence
 * (normalising twice changes nothing).
 */

import fc from 'fast-check';
import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import type { SourceBlock } from '../src/article/blocks.js';
import type { InlineLink } from '../src/article/types.js';
import { convertMarkdownLinks } from '../src/normalise/markdown-links.js';
import { normaliseBlocks } from '../src/normalise/normalise-blocks.js';
import { collapseStutters, cpLength, isCleanText, isCleanTextByWords, isCleanWithoutLinkMark, normaliseFully, normaliseText } from '../src/normalise/normalise-text.js';

const NBSP = '\u00A0';
const NNBSP = '\u202F';

function clean(text: string): string {
  return normaliseText(text).text;
}

function kinds(text: string): string[] {
  return normaliseText(text).repairs.map((r) => r.kind);
}

function line(text: string, n = 1): SourceBlock {
  return { text, raw: text, line: n, hint: 'line' };
}

describe('normaliseText: Unicode', () => {
  it('composes to NFC', () => {
    expect(clean('Mu\u0308nchen')).toBe('München');
  });

  it('removes zero-width spaces, word joiners, soft hyphens and stray BOMs inside the text', () => {
    expect(clean('fünf\u00ADtausend')).toBe('fünftausend');
    expect(clean('Auch\u200B bei')).toBe('Auch bei');
    expect(clean('gibt es\uFEFF deutlich')).toBe('gibt es deutlich');
    expect(clean('Wort\u2060verbinder')).toBe('Wortverbinder');
    expect(kinds('a\u200Bb\u00ADc')).toEqual(['invisible']);
  });

  it('removes directional marks but keeps ZWNJ and ZWJ (Persian, Indic scripts, emoji need them)', () => {
    expect(clean('\u200Fנמל המפרץ\u200E')).toBe('נמל המפרץ');
    expect(clean('می\u200Cکنند')).toBe('می\u200Cکنند');
    expect(clean('क्\u200Dष')).toBe('क्\u200Dष');
  });

  it('removes control characters but not tabs between words (they become one space)', () => {
    expect(clean('a\u0007b')).toBe('ab');
    expect(clean('Ort\tKiel')).toBe('Ort Kiel');
  });
});

describe('normaliseText: spaces', () => {
  it('collapses runs of spaces and trims', () => {
    expect(clean('  Bootsklassen    stark   gefragt ')).toBe('Bootsklassen stark gefragt');
  });

  it('keeps no-break spaces (French typography)', () => {
    expect(clean(`«${NBSP}Oui${NBSP}»`)).toBe(`«${NBSP}Oui${NBSP}»`);
  });
});

describe('normaliseText: space before punctuation', () => {
  it('removes a space before a comma or full stop that ends a word', () => {
    expect(clean('del tranvía , que')).toBe('del tranvía, que');
    expect(clean('wie nie zuvor . Mehr')).toBe('wie nie zuvor. Mehr');
    expect(clean('am Ende .')).toBe('am Ende.');
    expect(clean('Er sagte „ja“ .')).toBe('Er sagte „ja“.');
  });

  it('keeps the space before a decimal, `.NET` and an ellipsis', () => {
    expect(clean('ungefähr ,5 Prozent')).toBe('ungefähr ,5 Prozent');
    expect(clean('mit .NET gebaut')).toBe('mit .NET gebaut');
    expect(clean('und dann ... nichts')).toBe('und dann ... nichts');
  });

  it('removes a space before the Arabic comma and semicolon', () => {
    expect(clean('Macron ، الذي')).toBe('Macron، الذي');
    expect(clean('الذروة ؛ وهو')).toBe('الذروة؛ وهو');
  });

  it('removes a space before the CJK full stop and commas', () => {
    expect(clean('開館した 。蔵書は約三十万冊で 、平日')).toBe('開館した。蔵書は約三十万冊で、平日');
    expect(clean('正式完工 ，新开放')).toBe('正式完工，新开放');
  });

  it('keeps French spacing before ; : ! ? and inside « »', () => {
    const french = `Nantes : restaurée ; la toiture ! Et les prix ? «${NBSP}On attendait${NBSP}» et « oui »`;
    expect(clean(french)).toBe(french);
    expect(clean(`prudents${NNBSP}: certains`)).toBe(`prudents${NNBSP}: certains`);
    expect(kinds(french)).toEqual([]);
  });

  it('removes a space before punctuation that an earlier clean-up brought next to it', () => {
    expect(clean('Hamburg\u200B , Kiel')).toBe('Hamburg, Kiel');
    expect(clean('Hamburg\t, Kiel')).toBe('Hamburg, Kiel');
    expect(clean('Hamburg  , Kiel')).toBe('Hamburg, Kiel');
    expect(clean('Hamburg\u0007 . Kiel')).toBe('Hamburg. Kiel');
    expect(clean('北京\u200B 、上海')).toBe('北京、上海');
  });
});

describe('collapseStutters', () => {
  it('collapses a word repeated three or more times in a row, in several scripts', () => {
    expect(clean('طلب من من من من من من من من إيران')).toBe('طلب من إيران');
    expect(clean('ha prometido que que que que habrá')).toBe('ha prometido que habrá');
    expect(clean('прийшли дуже дуже дуже багато')).toBe('прийшли дуже багато');
    expect(clean('είναι πολύ πολύ πολύ μεγαλύτερη')).toBe('είναι πολύ μεγαλύτερη');
    expect(clean('सफ़र बहुत बहुत बहुत छोटा')).toBe('सफ़र बहुत छोटा');
    expect(clean('می‌گویند که که که اجاره‌ها')).toBe('می‌گویند که اجاره‌ها');
  });

  it('reports the word and the count', () => {
    const r = collapseStutters('de de de de saison');
    expect(r.text).toBe('de saison');
    expect(r.repairs).toEqual([{ kind: 'stutter', count: 1, detail: '"de" ×4' }]);
  });

  it('compares case-insensitively and keeps punctuation on the last repeat', () => {
    expect(collapseStutters('Die die die Polizei').text).toBe('Die Polizei');
    expect(collapseStutters('fin de la la la.').text).toBe('fin de la.');
    expect(collapseStutters('ΟΔΟΣ οδος Οδος είναι').text).toBe('ΟΔΟΣ είναι');
    expect(collapseStutters('İSTANBUL i̇stanbul İstanbul gibi').text).toBe('İSTANBUL gibi');
    expect(collapseStutters('Straße straße STRASSE ist').text).toBe('Straße straße STRASSE ist');
  });

  it('leaves a word printed twice, and repeated numbers, alone', () => {
    expect(clean('dass das das Problem')).toBe('dass das das Problem');
    expect(clean('Ergebnis 1 1 1 0')).toBe('Ergebnis 1 1 1 0');
  });
});

describe('idempotence', () => {
  const samples = [
    'Macron ، الذي أكد طلب من من من من إيران',
    'del tranvía , que que que que habrá  ayudas',
    `Nantes : restaurée ; «${NBSP}On attendait${NBSP}» !`,
    '仙台市は 。蔵書は約三十万冊で 、平日',
    'fünf\u00ADtausend\u200B Teilnehmende\uFEFF  aus  vierzig Ländern .',
    'la la la la la la . Fin',
    'a , , , b',
  ];
  for (const s of samples) {
    it(`normalising twice changes nothing: ${JSON.stringify(s.slice(0, 30))}`, () => {
      const once = normaliseText(s).text;
      const twice = normaliseText(once);
      expect(twice.text).toBe(once);
      expect(twice.repairs.filter((r) => r.kind !== 'spaces')).toEqual([]);
    });
  }
});

describe('Markdown links in body text', () => {
  it('become plain text with the URL kept as a link at the right code-point offset', () => {
    const r = convertMarkdownLinks('Nach Angaben des [Kieler Yacht-Club](https://www.kyc.example/kw) sind');
    expect(r.text).toBe('Nach Angaben des Kieler Yacht-Club sind');
    expect(r.links).toEqual([{ text: 'Kieler Yacht-Club', url: 'https://www.kyc.example/kw', start: 17 }]);
  });

  it('count offsets in code points after astral characters', () => {
    const r = convertMarkdownLinks('𝔸 [x](https://a.example)');
    expect(r.links[0]!.start).toBe(2);
    expect(cpLength(r.text.slice(0, r.text.indexOf('x')))).toBe(2);
  });

  it('leave brackets that are not links alone', () => {
    expect(convertMarkdownLinks('[Anzeige] (siehe unten)').text).toBe('[Anzeige] (siehe unten)');
    expect(convertMarkdownLinks('[a](javascript:alert(1))').links).toEqual([]);
  });

  it('are converted by normaliseBlocks in plain-text lines, with a diagnostic', () => {
    const out = normaliseBlocks([line('Wie die [Kieler Nachrichten](https://kn.example/a) berichten , ist', 6)]);
    expect(out.blocks[0]!.text).toBe('Wie die Kieler Nachrichten berichten, ist');
    expect(out.blocks[0]!.links).toEqual([{ text: 'Kieler Nachrichten', url: 'https://kn.example/a', start: 8 }]);
    expect(out.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['SPACE_BEFORE_PUNCTUATION_REMOVED', 6],
      ['MARKDOWN_LINK_CONVERTED', 6],
    ]);
  });

  it('keep existing links on the same words when the text around them is cleaned', () => {
    const block: SourceBlock = { text: 'a  b\u200B [c] d', raw: 'a  b\u200B [c] d', line: 1, hint: 'paragraph', links: [{ text: '[c]', url: 'https://c.example', start: 6 }] };
    const out = normaliseBlocks([block]);
    expect(out.blocks[0]!.text).toBe('a b [c] d');
    expect(out.blocks[0]!.links).toEqual([{ text: '[c]', url: 'https://c.example', start: 4 }]);
  });
});

describe('stutters and links', () => {
  it('a linked word is never collapsed with the same words around it', () => {
    const block: SourceBlock = { text: 'die die die Seite', raw: 'die die die Seite', line: 1, hint: 'paragraph', links: [{ text: 'die', url: 'https://d.example', start: 4 }] };
    const out = normaliseBlocks([block]);
    expect(out.blocks[0]!.text).toBe('die die die Seite');
    expect(out.blocks[0]!.links).toEqual([{ text: 'die', url: 'https://d.example', start: 4 }]);
  });
});

describe('normaliseBlocks diagnostics', () => {
  it('report each repair on the block line, but not ordinary space runs', () => {
    const out = normaliseBlocks([line('a  b', 1), line('x\u00ADy', 2), line('de de de x', 3)]);
    expect(out.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['INVISIBLE_CHARACTERS_REMOVED', 2],
      ['STUTTER_COLLAPSED', 3],
    ]);
  });

  it('leave the input blocks as they were, and drop an empty list of links', () => {
    const blocks: SourceBlock[] = [line('Kiel und Hamburg', 1), line('a  b', 2), { ...line('Kiel', 3), links: [] }, { ...line('Kiel', 4), afterBlank: true }];
    const before = structuredClone(blocks);
    const out = normaliseBlocks(blocks);
    expect(blocks).toEqual(before);
    expect(out.blocks.map((b) => b.text)).toEqual(['Kiel und Hamburg', 'a b', 'Kiel', 'Kiel']);
    expect(out.blocks.map((b) => 'links' in b)).toEqual([false, false, false, false]);
    expect(out.blocks[3]).toEqual({ ...line('Kiel', 4), afterBlank: true });
  });

  it('are idempotent over blocks: a second pass reports nothing', () => {
    const first = normaliseBlocks([line('Macron ، الذي من من من', 1), line('[a](https://a.example) , b', 2)]);
    const second = normaliseBlocks(first.blocks);
    expect(second.blocks.map((b) => b.text)).toEqual(first.blocks.map((b) => b.text));
    expect(second.diagnostics).toEqual([]);
  });
});

describe('the shortcut for clean text', () => {
  /** Every BMP code unit but the space, whose place is checked by the word scan. */
  const units = Array.from({ length: 0x10000 }, (_, c) => c).filter((c) => c !== 0x20);
  const clean = units.filter((c) => isCleanText(`a${String.fromCharCode(c)}b`));

  it('covers the text of most blocks (Latin, Cyrillic, Arabic letters, dashes and quotes)', () => {
    for (const text of ['Leeds, United Kingdom – Morning street library station.', 'Город совет «порт» мост', 'Straße, Fähre und Brücke: «on attend»', 'ماكرون الذي أكد طلب', '한국어 문장입니다']) {
      expect(isCleanText(text)).toBe(true);
    }
    expect(clean.length).toBeGreaterThan(12_000);
  });

  it('takes only units that no clean-up changes, alone or next to each other', () => {
    for (const c of clean) {
      const ch = String.fromCharCode(c);
      // assigned (no later Unicode version adds a mark there), stable under NFC, no mark, no conjoining jamo, no white space
      expect(/\p{Cn}|\p{Cs}|\p{M}|\s/u.test(ch), `U+${c.toString(16)}`).toBe(false);
      expect(ch.normalize('NFC'), `U+${c.toString(16)}`).toBe(ch);
      expect(c >= 0x1100 && c <= 0x11ff, `U+${c.toString(16)}`).toBe(false);
      expect(normaliseFully(`a${ch}b`), `U+${c.toString(16)}`).toEqual({ text: `a${ch}b`, repairs: [] });
      expect(normaliseFully(ch), `U+${c.toString(16)}`).toEqual({ text: ch, repairs: [] });
    }
  });

  it('takes no pair of letters that NFC would join or reorder', () => {
    const letters = clean.filter((c) => c >= 0xc0 && c < 0x0800).map((c) => String.fromCharCode(c));
    for (const x of letters) {
      for (const y of letters) if ((x + y).normalize('NFC') !== x + y) expect.fail(`${x}${y}`);
    }
  });

  /** Pieces of text that the clean-ups treat in every way: clean words, spaces, marks, jamo, stutters, markers. */
  const piece = fc.constantFrom(
    ...['de', 'De', 'DE', 'город', 'Город', 'ΟΔΟΣ', 'οδος', 'Οδος', 'İstanbul', 'i̇stanbul', 'Straße', 'STRASSE', 'من', 'إيران', 'Kiel', '.NET', ',5', '–', '«', '»', '한', 'x', 'X'],
    ...[' ', ' ', ' ', ' ', '  ', '\t', '\u00A0', '\u202F', '\u3000', '\u2028', ' ,', ' .', ' ،', ' 。', '.', ',', '…'],
    ...['e\u0301', '\u0301', '\u0308', 'A\u030A', '\u212B', '\u1112\u1161', '\u11AB', '\u1100', 'ア\u3099', '\u0958', '\u0387', '\u037E'],
    ...['\u200B', '\u00AD', '\uFEFF', '\u0007', '\uFDD0', '\uFDD1', '\uFFFE', '\uD835\uDD38', '\uD835', '\u0130', '\u03A3', '\u03C2'],
  );
  const text = fc.array(piece, { maxLength: 24 }).map((pieces) => pieces.join(''));

  it('gives what the full path gives, repairs included', () => {
    fc.assert(
      fc.property(text, fc.boolean(), (s, keepLinkMarkers) => {
        expect(normaliseText(s, { keepLinkMarkers })).toEqual(normaliseFully(s, { keepLinkMarkers }));
        if (isCleanText(s)) expect(normaliseFully(s, { keepLinkMarkers })).toEqual({ text: s, repairs: [] });
      }),
      { numRuns: 20_000 },
    );
  });

  it('leaves to the full path space runs, spaces at either end or before `,` `.`, and stutters', () => {
    for (const s of ['a  b', ' a', 'a ', 'a , b', 'a .', 'de de de', 'de De DE.', '', '\u0301']) expect(isCleanText(s), JSON.stringify(s)).toBe(false);
    for (const s of ['a, b', 'a. b', 'de de x', '.NET', 'x,5']) expect(isCleanText(s), JSON.stringify(s)).toBe(true);
  });
});

describe('the quick check of clean text', () => {
  // isCleanText first tries a one-pass proof (units in the unchanged set, spacing, and word sums
  // that rule out three equal words in a row), and asks the word scan only when that fails: the
  // two must agree on every text.

  it('leaves a text of over 65,536 units to the word scan, and keeps no buffer the size of it', () => {
    // a whole page on one line: 4 bytes of running sums and 2 of units per unit would otherwise be
    // made, and kept until the next call
    const clean = 'Ein ruhiger Satz über die Stadt, ohne Wiederholung. '.repeat(40_000).trim();
    const stutter = `${clean} und und und Ende.`;
    const before = process.memoryUsage().arrayBuffers;
    expect(isCleanText(clean)).toBe(true);
    expect(isCleanText(stutter)).toBe(false);
    expect(isCleanWithoutLinkMark(clean)).toBe(false);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(clean.length);
  });

  it('agrees with the word scan on every unit, alone, between letters and between words', () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      for (const s of [ch, `a${ch}b`, `a ${ch} b`, `${ch} ${ch} ${ch}`, `x${ch} x${ch} x${ch}.`]) {
        if (isCleanText(s) !== isCleanTextByWords(s)) expect.fail(`U+${c.toString(16)} in ${JSON.stringify(s)}`);
      }
    }
  });

  it('finds every triple of units whose lower case can be the same (sigma, dotted capital I, case pairs)', () => {
    // Units of the unchanged set grouped by their lower case alone, after a letter, before one
    // and between two: any two units of a group can make equal words.
    const contexts = [(c: string) => c, (c: string) => `a${c}`, (c: string) => `${c}a`, (c: string) => `a${c}a`];
    for (const context of contexts) {
      const groups = new Map<string, string[]>();
      for (let c = 0x21; c < 0x10000; c++) {
        const ch = String.fromCharCode(c);
        if (!isCleanTextByWords(`a${ch}b`)) continue;
        const lower = context(ch).toLowerCase();
        const group = groups.get(lower);
        if (group === undefined) groups.set(lower, [ch]);
        else group.push(ch);
      }
      for (const group of groups.values()) {
        for (const x of group) {
          for (const y of group) {
            const [wx, wy] = [context(x), context(y)];
            for (const s of [`${wx} ${wy} ${wy}`, `${wx} ${wx} ${wy}`, `${wy} ${wx} ${wy}.`, `z ${wx} ${wy}» ${wx}…`]) {
              if (isCleanText(s) !== isCleanTextByWords(s)) expect.fail(JSON.stringify(s));
            }
          }
        }
      }
    }
  });

  /** Words that are equal in several ways (case, sigma, İ, trailing punctuation), spacing and unclean units. */
  const word = fc.constantFrom(
    ...['de', 'De', 'DE', 'de.', 'De,', 'DE»', 'de…', '"de"', 'ed', 'd', 'e', 'город', 'ГОРОД', 'Город!', 'ΟΔΟΣ', 'οδος', 'Οδος', 'οδοσ', 'Σ', 'σ', 'ς'],
    ...['İstanbul', 'i̇stanbul', 'İSTANBUL', 'istanbul', 'İ', 'i', 'I', 'ı', 'Straße', 'STRASSE', 'straße', 'من', 'من،', 'x', 'X', '.', ',', ',5', '.NET', '»', '–', '한', '한국'],
    ...['', '\u00A0', '\t', '\u200B', 'e\u0301', '\uD835\uDD38', '北京', '。'],
    ...['[de](https://a.example)', '](', ']', '(', '[de]', '(de)', 'a](b', '] (', ')]('],
  );
  const text = fc.array(word, { maxLength: 16 }).map((words) => words.join(' '));
  const spaced = fc.array(fc.oneof(word, fc.constantFrom(' ', '  ')), { maxLength: 16 }).map((pieces) => pieces.join(''));

  it('agrees with the word scan on texts of such words', () => {
    fc.assert(
      fc.property(fc.oneof(text, spaced), (s) => {
        expect(isCleanText(s)).toBe(isCleanTextByWords(s));
      }),
      { numRuns: 50_000 },
    );
  });

  it('tells a clean text without `](` only when it is one', () => {
    fc.assert(
      fc.property(fc.oneof(text, spaced), (s) => {
        if (isCleanWithoutLinkMark(s)) expect(isCleanTextByWords(s) && !s.includes('](')).toBe(true);
      }),
      { numRuns: 50_000 },
    );
    for (const s of ['a](b', 'see [x](https://a.example) here', 'x ](']) expect(isCleanWithoutLinkMark(s), s).toBe(false);
    for (const s of ['a] (b', '[x] (y)', 'Leeds, United Kingdom – Morning street library station.']) expect(isCleanWithoutLinkMark(s), s).toBe(true);
  });

  it('agrees on long texts, which it reads in pieces', () => {
    const long = fc.array(word, { minLength: 100, maxLength: 400 }).map((words) => words.join(' '));
    fc.assert(
      fc.property(long, (s) => {
        expect(isCleanText(s)).toBe(isCleanTextByWords(s));
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('links kept in place while normalising', () => {
  /** The plain way, code point by code point: what normaliseBlocks must give for a block with links. */
  function reference(text: string, links: readonly InlineLink[]): { text: string; links: InlineLink[] } {
    const codePointIndex = (s: string, cp: number): number => {
      let i = 0;
      for (let n = 0; n < cp && i < s.length; n++) i += s.charCodeAt(i) >= 0xd800 && s.charCodeAt(i) <= 0xdbff && i + 1 < s.length ? 2 : 1;
      return i;
    };
    const clean = text.replaceAll('\uFDD0', '').replaceAll('\uFDD1', '');
    const sorted = [...links].sort((a, b) => a.start - b.start);
    let marked = '';
    let at = 0;
    for (const link of sorted) {
      const from = codePointIndex(clean, link.start);
      if (from < at) continue;
      const to = codePointIndex(clean, link.start + cpLength(link.text));
      marked += `${clean.slice(at, from)}\uFDD0${clean.slice(from, to)}\uFDD1`;
      at = to;
    }
    const normalised = normaliseText(marked + clean.slice(at), { keepLinkMarkers: true }).text;
    const out: InlineLink[] = [];
    let plain = '';
    let cp = 0;
    let openAt = -1;
    let linkIndex = 0;
    for (const ch of normalised) {
      if (ch === '\uFDD0') openAt = cp;
      else if (ch === '\uFDD1') {
        const source = sorted[linkIndex++];
        const linkText = [...plain].slice(openAt, cp).join('');
        const lead = cpLength(linkText) - cpLength(linkText.trimStart());
        if (source !== undefined && linkText.trim() !== '') out.push({ text: linkText.trim(), url: source.url, start: openAt + lead });
        openAt = -1;
      } else {
        plain += ch;
        cp++;
      }
    }
    return { text: plain, links: out };
  }

  const piece = fc.constantFrom('de', 'Kiel', 'Город', ' ', ' ', '  ', ' ,', '.', '\u00A0', '\t', 'e\u0301', '\u200B', 'de de de', '»', '😀', '𝔸', '\uD835', '\uDD38', '\uFDD0', '\uFDD1');
  const text = fc.array(piece, { maxLength: 14 }).map((pieces) => pieces.join(''));
  const link = fc.record({ text: fc.array(piece, { maxLength: 3 }).map((p) => p.join('')), url: fc.constantFrom('https://a.example', 'https://b.example'), start: fc.integer({ min: -1, max: 30 }) });

  it('give what the plain way gives, with and without astral characters', () => {
    fc.assert(
      fc.property(text, fc.array(link, { maxLength: 4 }), (s, links) => {
        const block: SourceBlock = { text: s, raw: s, line: 1, hint: 'paragraph', links };
        const out = normaliseBlocks([block]).blocks[0]!;
        const expected = reference(s, links);
        expect(out.text).toBe(expected.text);
        expect(out.links ?? []).toEqual(expected.links);
      }),
      { numRuns: 20_000 },
    );
  });
});

describe('normaliseBlocks: many links in one block', () => {
  it('keeps every link, in time linear in the links', () => {
    const blockWith = (count: number): SourceBlock => {
      let text = '';
      const links: InlineLink[] = [];
      for (let i = 0; i < count; i++) {
        const words = `linked words ${i} here`;
        links.push({ text: words, url: `https://links.example/${i}`, start: text.length });
        text += `${words} and some plain text between the links, `;
      }
      return { text, raw: text, line: 1, hint: 'paragraph', links };
    };
    const time = (block: SourceBlock): number => {
      const t0 = performance.now();
      expect(normaliseBlocks([block]).blocks[0]!.links).toHaveLength(block.links!.length);
      return performance.now() - t0;
    };
    time(blockWith(200)); // warm up
    // the best of three, so that a collection or a busy neighbour in one run does not count
    const best = (block: SourceBlock): number => Math.min(time(block), time(block), time(block));
    // Four times the links must not cost much more than four times the time (quadratic would be 16).
    const fewer = Math.max(best(blockWith(2_000)), 5);
    expect(best(blockWith(8_000)) / fewer).toBeLessThan(10);
    const [link] = normaliseBlocks([blockWith(3)]).blocks[0]!.links!.slice(2);
    expect(link).toEqual({ text: 'linked words 2 here', url: 'https://links.example/2', start: 2 * 'linked words 0 here and some plain text between the links, '.length });
  });
});

describe('normaliseBlocks: memory of linked Latin text', () => {
  /** True when the engine holds `s` in one byte per character (the tag V8's serializer writes for it). */
  const oneByte = (s: string): boolean => serialize(s)[2] === 0x22;

  it('gives text and link texts one byte per character when they hold nothing above U+00FF', () => {
    expect(oneByte('\uFDD0Kiel'.slice(1))).toBe(false); // the check can tell the two apart
    const text = 'Der Hafen   wird eröffnet, sagte der Bürgermeister am Abend, und mehr dazu hier.';
    const block: SourceBlock = { text, raw: text, line: 1, hint: 'paragraph', links: [{ text: 'Bürgermeister', url: 'https://b.example', start: 37 }] };
    const out = normaliseBlocks([block]).blocks[0]!;
    expect(out.text).toBe('Der Hafen wird eröffnet, sagte der Bürgermeister am Abend, und mehr dazu hier.');
    expect(out.links).toEqual([{ text: 'Bürgermeister', url: 'https://b.example', start: 35 }]);
    expect(oneByte(out.text)).toBe(true);
    expect(oneByte(out.links![0]!.text)).toBe(true);
  });

  it('leaves wider text as it is', () => {
    const text = 'Город  и порт';
    const out = normaliseBlocks([{ text, raw: text, line: 1, hint: 'paragraph', links: [{ text: 'порт', url: 'https://p.example', start: 9 }] }]).blocks[0]!;
    expect(out.text).toBe('Город и порт');
    expect(out.links).toEqual([{ text: 'порт', url: 'https://p.example', start: 8 }]);
  });
});
