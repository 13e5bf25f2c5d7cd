/**
 * assemble stage: sections from body items, the lede and its dateline, metadata typing (sources,
 * counts, dates), and stats for spaced and unspaced scripts.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ArticleSource } from '../src/article/types.js';
import { assembleArticle } from '../src/assemble/assemble-article.js';
import { buildMetadata, readSource } from '../src/assemble/build-metadata.js';
import { parseDate } from '../src/assemble/parse-date.js';
import { computeStats, countWords } from '../src/assemble/stats.js';
import type { BodyItem } from '../src/classify/classify-body.js';
import { BUILTIN_LABELS, type LabelEntry } from '../src/classify/labels.js';
import type { RawField } from '../src/classify/read-metadata-block.js';
import { detectDirection, joinSample } from '../src/language/detect-language.js';

const SOURCE: ArticleSource = { path: null, format: 'text', encoding: 'utf-8', encodingConfidence: 1, bytes: 0 };

function entry(key: string): LabelEntry {
  return BUILTIN_LABELS.fields.find((f) => f.key === key)!;
}

function field(label: string, key: string | null, values: string[], inline = values.length === 1): RawField {
  return { label, entry: key === null ? null : entry(key), values: values.map((text) => ({ text })), inline, line: 1 };
}

const p = (text: string, line = 1): BodyItem => ({ kind: 'paragraph', text, line });
const h = (text: string, line = 1): BodyItem => ({ kind: 'heading', text, level: 2, line });
const li = (text: string, listId: number, ordered = false): BodyItem => ({ kind: 'listItem', text, ordered, listId, line: 1 });
const q = (text: string): BodyItem => ({ kind: 'quote', text, line: 1 });

function assemble(items: BodyItem[], fields: RawField[] = []) {
  return assembleArticle({ source: SOURCE, title: 'Titel', teaser: null, items, fields, hints: {}, diagnostics: [] });
}

describe('sections', () => {
  it('lede first, then an untitled section, then one section per heading', () => {
    const a = assemble([
      p('Hamburg, Deutschland - Der Hafen erhält neue Kräne.'),
      p('Zweiter Absatz.'),
      h('Kritik'),
      p('Umweltverbände sind skeptisch.'),
      h('Wie geht es weiter?'),
      p('Der Bau beginnt im Mai.'),
    ]);
    expect(a.dateline).toBe('Hamburg, Deutschland');
    expect(a.lede).toBe('Der Hafen erhält neue Kräne.');
    expect(a.sections.map((s) => [s.heading, s.level, s.blocks.length])).toEqual([
      [null, 1, 1],
      ['Kritik', 2, 1],
      ['Wie geht es weiter?', 2, 1],
    ]);
  });

  it('has no untitled section when a heading follows the lede', () => {
    const a = assemble([p('Lede.'), h('Erster Abschnitt'), p('Text.')]);
    expect(a.sections.map((s) => s.heading)).toEqual(['Erster Abschnitt']);
  });

  it('groups list items of one list and keeps quotes as quotes', () => {
    const a = assemble([p('Lede.'), p('Tipps:'), li('eins', 1), li('zwei', 1), li('erstens', 2, true), q('Gut so.')]);
    expect(a.sections[0]!.blocks).toEqual([
      { type: 'paragraph', text: 'Tipps:' },
      { type: 'list', ordered: false, items: [{ text: 'eins' }, { text: 'zwei' }] },
      { type: 'list', ordered: true, items: [{ text: 'erstens' }] },
      { type: 'quote', text: 'Gut so.' },
    ]);
    expect(a.stats.paragraphs).toBe(2);
  });

  it('moves lede link offsets when the dateline comes off', () => {
    const a = assembleArticle({
      source: SOURCE,
      title: 'T',
      teaser: null,
      items: [{ kind: 'paragraph', text: 'Kiel, Deutschland - Laut NDR ist alles gut.', line: 1, links: [{ text: 'NDR', url: 'https://ndr.example', start: 25 }] }],
      fields: [],
      hints: {},
      diagnostics: [],
    });
    expect(a.lede).toBe('Laut NDR ist alles gut.');
    expect(a.ledeLinks).toEqual([{ text: 'NDR', url: 'https://ndr.example', start: 5 }]);
  });

  it('reports a dateline that names another place than Ort, but not a shorter form of it', () => {
    const codes = (lede: string, ort: string) => assemble([p(lede)], [field('Ort', 'location', [ort])]).diagnostics.map((d) => d.code);
    expect(codes('Lübeck. Die Bürgerschaft tagt.', 'Lübeck, Deutschland')).not.toContain('DATELINE_MISMATCH');
    expect(codes('Kiel, Deutschland - Text.', 'Lübeck, Deutschland')).toContain('DATELINE_MISMATCH');
  });

  it('reports an empty body and a missing metadata block', () => {
    const a = assemble([]);
    expect(a.lede).toBeNull();
    expect(a.sections).toEqual([]);
    expect(a.diagnostics.map((d) => d.code)).toEqual(['EMPTY_BODY', 'NO_METADATA_BLOCK']);
  });
});

describe('metadata typing', () => {
  it('types location, sources, comments and published, and keeps every field in order', () => {
    const { metadata, diagnostics } = buildMetadata(
      [
        field('Veröffentlicht am', 'published', ['12.03.2025 um 14:30 Uhr']),
        field('Ort', 'location', ['Ukraine, Land']),
        field('Lesezeit', null, ['2 Minuten']),
        field('Quellen', 'sources', ['https://a.example/x', 'kn.example', 'Kieler Nachrichten'], false),
        field('Kommentare', 'comments', ['0']),
      ],
      {},
    );
    expect(diagnostics).toEqual([]);
    expect(metadata.location).toBe('Ukraine, Land');
    expect(metadata.published).toBe('2025-03-12T14:30');
    expect(metadata.comments).toBe(0);
    expect(metadata.sources).toEqual([
      { name: null, url: 'https://a.example/x' },
      { name: 'kn.example', url: null },
      { name: 'Kieler Nachrichten', url: null },
    ]);
    expect(metadata.fields.map((f) => [f.label, f.key])).toEqual([
      ['Veröffentlicht am', 'published'],
      ['Ort', 'location'],
      ['Lesezeit', null],
      ['Quellen', 'sources'],
      ['Kommentare', 'comments'],
    ]);
  });

  it('splits a list glued to its label at commas, but not a list given line by line', () => {
    expect(buildMetadata([field('Quellen', 'sources', ['Leeds City Council, Press Association'], true)], {}).metadata.sources).toEqual([
      { name: 'Leeds City Council', url: null },
      { name: 'Press Association', url: null },
    ]);
    expect(buildMetadata([field('Quellen', 'sources', ['Müller, Schmidt & Partner'], false)], {}).metadata.sources).toEqual([
      { name: 'Müller, Schmidt & Partner', url: null },
    ]);
  });

  it('gives zero sources for an empty Quellen and null for absent labels', () => {
    const { metadata } = buildMetadata([field('Quellen', 'sources', [])], {});
    expect(metadata.sources).toEqual([]);
    expect(metadata.location).toBeNull();
    expect(metadata.comments).toBeNull();
    expect(metadata.published).toBeNull();
    expect(metadata.fields).toEqual([{ label: 'Quellen', key: 'sources', value: null }]);
  });

  it('`Veröffentlicht am` without a date gives null quietly; an unreadable value is reported', () => {
    expect(buildMetadata([field('Veröffentlicht am', 'published', [])], {}).metadata.published).toBeNull();
    const r = buildMetadata([field('Veröffentlicht am', 'published', ['gestern'])], {});
    expect(r.metadata.published).toBeNull();
    expect(r.diagnostics.map((d) => d.code)).toEqual(['DATE_UNREADABLE']);
  });

  it('reads one source line: URL, bare domain, name, name with URL', () => {
    expect(readSource('https://presse.example/a', null)).toEqual({ name: null, url: 'https://presse.example/a' });
    expect(readSource('kn.example', null)).toEqual({ name: 'kn.example', url: null });
    expect(readSource('www.kiel.example', null)).toEqual({ name: 'www.kiel.example', url: null });
    expect(readSource('Color Line (https://colorline.example/oslo)', null)).toEqual({ name: 'Color Line', url: 'https://colorline.example/oslo' });
    expect(readSource('Kieler Nachrichten', 'https://kn.example')).toEqual({ name: 'Kieler Nachrichten', url: 'https://kn.example' });
  });
});

describe('parseDate', () => {
  const cases: [string, string | null][] = [
    ['12.03.2025', '2025-03-12'],
    ['12.3.2025', '2025-03-12'],
    ['12.03.2025 um 14:30 Uhr', '2025-03-12T14:30'],
    ['12.03.2025, 14:30', '2025-03-12T14:30'],
    ['12.03.2025 - 09:15 Uhr', '2025-03-12T09:15'],
    ['12.03.2025 | 14:30', '2025-03-12T14:30'],
    ['3. März 2025', '2025-03-03'],
    ['12 mars 2025', '2025-03-12'],
    ['March 12, 2025', '2025-03-12'],
    ['2025-03-12T14:30:00+01:00', '2025-03-12T14:30:00+01:00'],
    ['am 12.03.2025', '2025-03-12'],
    ['31.02.2025', null],
    ['12.03.2025 um 25:00', null],
    ['gestern', null],
    ['', null],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${String(expected)}`, () => {
      expect(parseDate(input)).toBe(expected);
    });
  }

  it('gives up in linear time on long hostile input', () => {
    const time = (spaces: number): number => {
      const t0 = performance.now();
      expect(parseDate('1.1.2025' + ' '.repeat(spaces) + 'x')).toBeNull();
      return performance.now() - t0;
    };
    time(1000); // warm up
    // the best of three, so that a collection or a busy neighbour in one run does not count
    const best = (spaces: number): number => Math.min(time(spaces), time(spaces), time(spaces));
    // Four times the input must not cost much more than four times the time (quadratic would be 16).
    const short = Math.max(best(50_000), 2);
    expect(best(200_000) / short).toBeLessThan(10);
    expect(parseDate('12.03.2025' + ' -'.repeat(25))).toBeNull();
  });
});

describe('stats', () => {
  it('counts words by spaces in spaced scripts (Latin, Cyrillic, Arabic, Korean, Devanagari)', () => {
    expect(countWords('Der Hafen erhält neue Kräne.')).toBe(5);
    expect(countWords('У центрі Львова запрацювала бібліотека')).toBe(5);
    expect(countWords('تحدث إيمانويل ماكرون وفلاديمير بوتين')).toBe(5);
    expect(countWords('부산시는 올여름부터 해운대 해수욕장')).toBe(4);
    expect(countWords('जयपुर मेट्रो का दूसरा चरण')).toBe(5);
    expect(countWords('— 42 · –')).toBe(1);
  });

  it('segments unspaced scripts into dictionary words, not one word per line', () => {
    const zh = countWords('成都大熊猫繁育研究基地的扩建工程日前正式完工。');
    expect(zh).toBeGreaterThan(6);
    expect(zh).toBeLessThan(20);
    const ja = countWords('仙台市は駅前の再開発ビルに新しい市立図書館を開館した。');
    expect(ja).toBeGreaterThan(8);
    expect(ja).toBeLessThan(25);
  });

  it('reads CJK by characters per minute and spaced languages by words per minute', () => {
    const zh = '基地将实行分时段预约入园，每天上午和下午各设三个时段。'.repeat(40);
    const s = computeStats([zh], 1, 'zh');
    expect(s.characters).toBe([...zh].length);
    // about 1000 Han characters at ~266 per minute (IReST 255, scaled): about 4 minutes
    expect(s.readingMinutes).toBeGreaterThanOrEqual(3);
    expect(s.readingMinutes).toBeLessThanOrEqual(5);
    const de = Array.from({ length: 500 }, () => 'Wort').join(' ');
    // 500 words at 179 wpm scaled to 187: about 3 minutes
    expect(computeStats([de], 1, 'de').readingMinutes).toBe(3);
  });

  it('a non-empty body reads for at least a minute; an empty one for none', () => {
    expect(computeStats(['Kurz.'], 1, 'de').readingMinutes).toBe(1);
    expect(computeStats([], 0, 'und')).toEqual({ words: 0, characters: 0, paragraphs: 0, readingMinutes: 0 });
  });
});

describe('direction', () => {
  const WORDS = ['Hafen', 'Kräne', 'שלום', 'העיר', 'مدينة', 'الميناء', '2026', '—', '\ud83d\ude00', '\ud800', ' ', '. '];
  const text = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 12 }).map((w) => w.join(' '));
  const item = fc.oneof(
    text.map((t): BodyItem => p(t)),
    text.map((t): BodyItem => h(t)),
    fc.tuple(text, fc.integer({ min: 1, max: 2 })).map(([t, id]): BodyItem => li(t, id)),
    text.map((t): BodyItem => q(t)),
  );

  it('is read from the title, the headings and the body joined, as detectDirection reads it', () => {
    fc.assert(
      fc.property(fc.option(text), fc.array(item, { maxLength: 8 }), fc.integer({ min: 0, max: 3000 }), (title, items, pad) => {
        // a long first paragraph moves the later texts past the end of the sample
        const all = pad > 0 ? [p('Text '.repeat(pad)), ...items] : items;
        const a = assembleArticle({ source: SOURCE, title, teaser: null, items: all, fields: [], hints: {}, diagnostics: [] });
        const body: string[] = a.lede === null ? [] : [a.lede];
        for (const s of a.sections) for (const b of s.blocks) {
          if (b.type === 'list') for (const i of b.items) body.push(i.text);
          else body.push(b.text);
        }
        const parts = [title ?? '', ...a.sections.map((s) => s.heading ?? ''), ...body];
        expect(a.direction).toBe(detectDirection(joinSample(parts)));
      }),
      { numRuns: 500 },
    );
  });
});

