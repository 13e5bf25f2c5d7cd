/**
 * classify stage: label lines, the metadata block, the header (title, teaser, template lines),
 * dateline forms and the heading rule. Also the layout rule end to end: the blank-line and
 * single-newline fixtures of one article give the same data.
 */

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { SourceBlock } from '../src/article/blocks.js';
import { classifyBody, isHeadingLike } from '../src/classify/classify-body.js';
import { matchesLocation, splitDateline } from '../src/classify/dateline.js';
import { isBlockStart, isTableSeparator, lowerStart, readLabelLine } from '../src/classify/label-line.js';
import { BULLET, isListItemLine, isMarkedLine, mayBeMarked, NUMBERED, QUOTE } from '../src/classify/line-markers.js';
import { BUILTIN_LABELS } from '../src/classify/labels.js';
import { readHeader, sameTextKey } from '../src/classify/read-header.js';
import { isWhiteSpaceUnit } from '../src/util/white-space.js';
import { readMetadataBlock } from '../src/classify/read-metadata-block.js';
import { segmentText } from '../src/text/segment-text.js';
import { listFixtures, parseFixture } from './helpers/fixtures.js';

const T = BUILTIN_LABELS;

/** Text → line blocks, as the text segmenter makes them (blank lines recorded in `afterBlank`). */
function blocks(text: string): SourceBlock[] {
  return segmentText(text).blocks;
}

function header(text: string, locations: string[] = []) {
  return readHeader(blocks(text), T, {}, locations, () => 0);
}

function body(text: string) {
  return classifyBody(blocks(text), false).items.map((i) => [i.kind, i.text]);
}

describe('readLabelLine', () => {
  it('reads every separator form inside the block', () => {
    expect(readLabelLine('Ort: Hamburg, Deutschland', T, 'block')).toMatchObject({ label: 'Ort', value: 'Hamburg, Deutschland', form: 'separated' });
    expect(readLabelLine('Ort\tPorto, Portugal', T, 'block')).toMatchObject({ label: 'Ort', value: 'Porto, Portugal', form: 'separated' });
    expect(readLabelLine('Ort | Malmö |', T, 'block')).toMatchObject({ label: 'Ort', value: 'Malmö', form: 'table' });
    expect(readLabelLine('| Ort | Malmö |', T, 'block')).toMatchObject({ label: 'Ort', value: 'Malmö', form: 'table' });
    expect(readLabelLine('OrtUkraine, Land', T, 'block')).toMatchObject({ label: 'Ort', value: 'Ukraine, Land', form: 'glued' });
    expect(readLabelLine('Ort', T, 'block')).toMatchObject({ label: 'Ort', value: null, form: 'bare' });
    expect(readLabelLine('Ort:', T, 'block')).toMatchObject({ label: 'Ort', value: null });
  });

  it('reads the comment count with and without a space or parentheses', () => {
    expect(readLabelLine('Kommentare (3)', T, 'block')).toMatchObject({ value: '3', form: 'count' });
    expect(readLabelLine('Kommentare(12)', T, 'block')).toMatchObject({ value: '12', form: 'count' });
    expect(readLabelLine('Kommentare: 0', T, 'block')).toMatchObject({ value: '0', form: 'count' });
  });

  it('matches labels case-insensitively and keeps the label as written', () => {
    expect(readLabelLine('QUELLEN: dpa', T, 'block')).toMatchObject({ label: 'QUELLEN', value: 'dpa' });
  });

  it('does not take a longer word that starts with a label for a glued label', () => {
    expect(readLabelLine('Ortsteil Altona', T, 'block')?.entry?.key).not.toBe('location');
    expect(readLabelLine('Ortsteil Altona', T, 'header')).toBeNull();
  });

  it('keeps unknown labels inside the block, never in the header', () => {
    expect(readLabelLine('Lesezeit: 2 Minuten', T, 'block')).toMatchObject({ label: 'Lesezeit', entry: null, value: '2 Minuten' });
    expect(readLabelLine('Lesezeit: 2 Minuten', T, 'header')).toBeNull();
    expect(readLabelLine('https://example.org/x', T, 'block')).toBeNull();
  });

  it('reads only unmistakable forms in the header: template labels and dated lines', () => {
    expect(readLabelLine('Transparenz: Redaktionell erstellt und geprüft.', T, 'header')?.entry?.key).toBe('transparency');
    expect(readLabelLine('Veröffentlicht am', T, 'header')).toMatchObject({ value: null, form: 'bare' });
    expect(readLabelLine('Veröffentlicht am 12.03.2025 um 14:30 Uhr', T, 'header')).toMatchObject({ value: '12.03.2025 um 14:30 Uhr', form: 'spaced' });
    // a sentence that starts with a label word is not metadata
    expect(readLabelLine('Ort der Handlung war der Hafen', T, 'header')).toBeNull();
    expect(readLabelLine('Quellen zufolge kam es zu Verzögerungen', T, 'header')).toBeNull();
  });

  it('knows the block start lines and table separators', () => {
    expect(isBlockStart('Details', T)).toBe(true);
    expect(isBlockStart('Details zur Meldung', T)).toBe(true);
    expect(isBlockStart('Details:', T)).toBe(true);
    expect(isBlockStart('Details der Planung', T)).toBe(false);
    expect(isTableSeparator('---|')).toBe(true);
    expect(isTableSeparator('| --- | :---: |')).toBe(true);
    expect(isTableSeparator('- a | b')).toBe(false);
  });

  /** Lines of label words, letters whose lower case is special (İ, Σ, a surrogate pair), white space and colons. */
  const lineText = fc
    .array(fc.constantFrom('Ort', 'ORT', 'Details', 'DETAILS', ' zur Meldung', 'Quellen', 'İ', 'Σ', 'σ', 'a', ' ', ':', '\t', '\u00a0', '\u{10400}', '\ud801', 'Ö'), { maxLength: 12 })
    .map((pieces) => pieces.join(''));

  it('folds only the start of a long line, as the start of the whole line folded', () => {
    fc.assert(
      fc.property(lineText, fc.nat({ max: 24 }), (text, length) => {
        const whole = text.toLowerCase();
        const start = lowerStart(text, length);
        expect(whole.startsWith(start.slice(0, length))).toBe(true);
        expect(start.length).toBeGreaterThanOrEqual(Math.min(length, whole.length));
      }),
      { numRuns: 20000 },
    );
  });

  it('knows a block start as the whole line folded does', () => {
    const starts = T.blockStarts.map((s) => s.toLowerCase());
    fc.assert(
      fc.property(lineText, (line) => {
        expect(isBlockStart(line, T)).toBe(starts.includes(line.trim().replace(/:$/, '').toLowerCase()));
      }),
      { numRuns: 20000 },
    );
  });
});

describe('line markers', () => {
  it('are told by their first unit before any expression runs', () => {
    // every BMP unit, first in lines that each expression would take were it a marker
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      for (const line of [`${ch} item`, `${ch}. item`, `${ch}) item`, `${ch}1. item`, `${ch}text`, ch]) {
        const any = BULLET.test(line) || NUMBERED.test(line) || QUOTE.test(line);
        if (any && !mayBeMarked(line)) expect.fail(`U+${c.toString(16)}: ${JSON.stringify(line)}`);
        expect(isMarkedLine(line)).toBe(any);
        expect(isListItemLine(line)).toBe(BULLET.test(line) || NUMBERED.test(line));
      }
    }
    expect(mayBeMarked('')).toBe(false);
    for (const line of ['- a', '* a', '• a', '▪ a', '◦ a', '· a', '1. a', '12) a', '> a']) expect(isMarkedLine(line), line).toBe(true);
  });
});

describe('readMetadataBlock', () => {
  const values = (text: string) =>
    readMetadataBlock(blocks(text), T)?.fields.map((f) => [f.label, f.entry?.key ?? null, f.values.map((v) => v.text)]);

  it('reads the seed block: glued Ort, empty Quellen, count', () => {
    expect(values('Text.\nDetails\nOrtUkraine, Land\nQuellen\n\nKommentare (0)')).toEqual([
      ['Ort', 'location', ['Ukraine, Land']],
      ['Quellen', 'sources', []],
      ['Kommentare', 'comments', ['0']],
    ]);
  });

  it('takes values on the next lines and several Quellen lines', () => {
    expect(values('Text.\nDetails zur Meldung\nOrt\nBari, Italia\nQuellen\nhttps://a.example/x\nkn.example\nKieler Nachrichten\nKommentare (3)')).toEqual([
      ['Ort', 'location', ['Bari, Italia']],
      ['Quellen', 'sources', ['https://a.example/x', 'kn.example', 'Kieler Nachrichten']],
      ['Kommentare', 'comments', ['3']],
    ]);
  });

  it('keeps unknown labels in order and reports them', () => {
    const meta = readMetadataBlock(blocks('Text.\nDetails\nOrt: Lwiw, Ukraine\nLesezeit: 2 Minuten\nQuellen\nZaxid.net\nKommentare (8)\n'), T)!;
    expect(meta.fields.map((f) => f.label)).toEqual(['Ort', 'Lesezeit', 'Quellen', 'Kommentare']);
    expect(meta.diagnostics.map((d) => d.code)).toContain('UNKNOWN_LABEL');
  });

  it('ends at the count: later lines are trailing, reported', () => {
    const meta = readMetadataBlock(blocks('Text.\nDetails\nOrt: Kiel\nKommentare (0)\nTeilen auf Facebook'), T)!;
    expect(meta.trailing.map((b) => b.text)).toEqual(['Teilen auf Facebook']);
  });

  it('finds a block without its Details line when label lines end in a count', () => {
    const meta = readMetadataBlock(blocks('Text.\nOrt: Kiel\nKommentare (2)'), T)!;
    expect(meta.start).toBe(1);
    expect(meta.fields.map((f) => f.entry?.key)).toEqual(['location', 'comments']);
  });

  it('returns null when there is no block', () => {
    expect(readMetadataBlock(blocks('Titel\nEin Absatz ohne Metadaten.'), T)).toBeNull();
  });
});

describe('readHeader', () => {
  it('title printed twice: one title, one diagnostic', () => {
    const h = header('Neue Fähre nach Oslo\n\nNeue Fähre nach Oslo\n\nKiel, Deutschland - Ab Mai fährt eine Fähre.\nMehr Text.');
    expect(h.title).toBe('Neue Fähre nach Oslo');
    expect(h.bodyStart).toBe(2);
    expect(h.diagnostics.map((d) => d.code)).toEqual(['DUPLICATE_TITLE_REMOVED']);
  });

  it('title / teaser ×3 with a photo credit / title: one teaser, repeats reported', () => {
    const h = header(
      'Titel der Meldung\nKurz gesagt: das Wichtigste.\nKurz gesagt: das Wichtigste. (Symbolbild/MND)\nKurz gesagt: das Wichtigste. (Foto: Stadt)\nTitel der Meldung\nKiel - Text beginnt hier.\nMehr.',
    );
    expect(h.title).toBe('Titel der Meldung');
    expect(h.teaser).toBe('Kurz gesagt: das Wichtigste.');
    expect(h.diagnostics.map((d) => `${d.code}@${d.line}`).sort()).toEqual([
      'DUPLICATE_TITLE_REMOVED@5',
      'PHOTO_CREDIT_REMOVED@3',
      'PHOTO_CREDIT_REMOVED@4',
      'TEASER_REPEAT_REMOVED@3',
      'TEASER_REPEAT_REMOVED@4',
    ]);
  });

  it('German template lines between the title copies are metadata, not teaser or body', () => {
    const h = header('Malmö bygger en ny cykelbro\nTransparenz: Redaktionell erstellt und geprüft.\nVeröffentlicht am 12.03.2025 um 14:30 Uhr\nMalmö bygger en ny cykelbro\nMalmö. Kommunen har gett klartecken.\nMer text.');
    expect(h.teaser).toBeNull();
    expect(h.fields.map((f) => [f.entry?.key, f.values.map((v) => v.text)])).toEqual([
      ['transparency', ['Redaktionell erstellt und geprüft.']],
      ['published', ['12.03.2025 um 14:30 Uhr']],
    ]);
  });

  it('a teaser in the template language next to the translated one: the chooser decides', () => {
    const text = 'Titolo\nNotizie dal distretto.\nNachrichten aus dem Kreis.\nNotizie dal distretto.\nTitolo\nCorpo del testo.\nAltro.';
    expect(header(text).teaser).toBe('Notizie dal distretto.');
  });

  it('an `Ort | X |` table row and its separator at the top are metadata', () => {
    const h = header('Ort | Potsdam-Mittelmark |\n---|\nPotsdam-Mittelmark. Im Landkreis brannte es.\nVerletzt wurde niemand.', []);
    expect(h.title).toBeNull();
    expect(h.fields.map((f) => [f.label, f.values[0]?.text])).toEqual([['Ort', 'Potsdam-Mittelmark']]);
    expect(h.diagnostics.map((d) => d.code)).toEqual(['TEMPLATE_LINE_MOVED', 'TABLE_SEPARATOR_DROPPED', 'MISSING_TITLE']);
  });

  it('a title that opens with `Place - ` is a title, printed once or twice', () => {
    expect(header('Kiel - Neue Fähre startet im Mai\nKiel, Deutschland - Ab Mai fährt sie.\nMehr.').title).toBe('Kiel - Neue Fähre startet im Mai');
    expect(header('Kiel - Neue Fähre startet im Mai\nKiel - Neue Fähre startet im Mai\nText.\nMehr.').title).toBe('Kiel - Neue Fähre startet im Mai');
  });

  it('a first line that is a dateline lede is not a title', () => {
    const h = header('Kiel, Deutschland - Ab Mai fährt eine neue Fähre nach Oslo.\nDie Tickets sind buchbar.');
    expect(h.title).toBeNull();
    expect(h.bodyStart).toBe(0);
  });
});

describe('isWhiteSpaceUnit', () => {
  it('agrees with \\s on every UTF-16 unit', () => {
    for (let u = 0; u < 0x10000; u++) expect(isWhiteSpaceUnit(u), `U+${u.toString(16)}`).toBe(/\s/u.test(String.fromCharCode(u)));
  });
});

describe('sameTextKey', () => {
  it('folds case and spacing like lower-casing, collapsing every run of white space and trimming', () => {
    const reference = (t: string): string => t.toLowerCase().replace(/\s+/gu, ' ').trim();
    for (let c = 0; c < 0x10000; c++) {
      const text = `Kiel ${String.fromCharCode(c)}Fähre`;
      expect(sameTextKey(text)).toBe(reference(text));
    }
    for (const text of [' Kiel', 'Kiel ', 'Kiel  Fähre', 'Kiel\tFähre', 'KIEL FÄHRE', 'İSTANBUL', '']) expect(sameTextKey(text)).toBe(reference(text));
  });
});

describe('splitDateline', () => {
  it('`Place, Parent - ` and `Place, Parent – ` and `Place — `', () => {
    expect(splitDateline('Ukraine, Land - تحدث إيمانويل ماكرون', [])).toMatchObject({ dateline: 'Ukraine, Land', rest: 'تحدث إيمانويل ماكرون' });
    expect(splitDateline('Leeds, United Kingdom – The city of Leeds', [])).toMatchObject({ dateline: 'Leeds, United Kingdom', rest: 'The city of Leeds' });
    expect(splitDateline('Sankt Peter-Ording — Am Strand', [])).toMatchObject({ dateline: 'Sankt Peter-Ording' });
  });

  it('`Place. ` only when it matches the Ort value (or is in capitals)', () => {
    expect(splitDateline('Malmö. Kommunen har gett klartecken.', ['Malmö'])).toMatchObject({ dateline: 'Malmö', rest: 'Kommunen har gett klartecken.' });
    expect(splitDateline('Lübeck. Die Bürgerschaft hat beschlossen.', ['Lübeck, Deutschland'])).toMatchObject({ dateline: 'Lübeck' });
    expect(splitDateline('Malmö. Kommunen har gett klartecken.', [])).toBeNull();
    expect(splitDateline('BERLIN. Der Senat tagt.', [])).toMatchObject({ dateline: 'BERLIN' });
    expect(splitDateline('Das ist klar. Der Rest folgt.', [])).toBeNull();
  });

  it('counts the removed code points for moving link offsets', () => {
    expect(splitDateline('Plön, Deutschland - In Preetz', [])?.removed).toBe('Plön, Deutschland - '.length);
  });

  it('does not take a sentence with a dash for a dateline', () => {
    expect(splitDateline('Der Senat hat - wie erwartet - zugestimmt.', [])).toBeNull();
    expect(splitDateline('Es war knapp: 3 - 2 gewann das Team.', [])).toBeNull();
  });

  it('matchesLocation compares the first part case-insensitively', () => {
    expect(matchesLocation('hamburg', ['Hamburg, Deutschland'])).toBe(true);
    expect(matchesLocation('Hamburg, Deutschland', ['Hamburg'])).toBe(true);
    expect(matchesLocation('Ham', ['Hamburg, Deutschland'])).toBe(false);
  });
});

describe('heading rule', () => {
  it('short lines may end in ! or ? or contain a dash', () => {
    expect(isHeadingLike('Wie geht es weiter?')).toBe(true);
    expect(isHeadingLike('Un marché plus vert !')).toBe(true);
    expect(isHeadingLike('Einbrüche in der Region – die Polizei hat alle Hände voll zu tun!')).toBe(true);
    expect(isHeadingLike('利用者の声')).toBe(true);
  });

  it('the length limit counts code points, also where a text is told by its units alone', () => {
    // 110 letters written as surrogate pairs: 220 units, at the limit in code points
    expect(isHeadingLike('\u{1d400}'.repeat(110))).toBe(true);
    expect(isHeadingLike('\u{1d400}'.repeat(111))).toBe(false);
    expect(isHeadingLike(`${'\u{1d400}'.repeat(109)}a`)).toBe(true);
    expect(isHeadingLike('a'.repeat(110))).toBe(true);
    expect(isHeadingLike('a'.repeat(111))).toBe(false);
  });

  it('sentences, list items, quotes and bare URLs are not headings', () => {
    expect(isHeadingLike('Die Polizei gibt folgende Tipps:')).toBe(false);
    expect(isHeadingLike('Das war alles.')).toBe(false);
    expect(isHeadingLike('- Fenster schließen')).toBe(false);
    expect(isHeadingLike('1. Rijd naar beneden')).toBe(false);
    expect(isHeadingLike('> Ein Zitat')).toBe(false);
    expect(isHeadingLike('https://example.org/a')).toBe(false);
    expect(isHeadingLike('»Wir sind bereit«, sagte er.')).toBe(false);
  });

  it('a heading introduces following text', () => {
    expect(body('Erster Absatz mit Text.\nZwischentitel\nZweiter Absatz mit Text.')).toEqual([
      ['paragraph', 'Erster Absatz mit Text.'],
      ['heading', 'Zwischentitel'],
      ['paragraph', 'Zweiter Absatz mit Text.'],
    ]);
  });

  it('two short lines in a row, or a short line at the end, are not headings', () => {
    expect(body('Text.\nErste Zeile\nZweite Zeile\nText.').map((i) => i[0])).toEqual(['paragraph', 'paragraph', 'heading', 'paragraph']);
    expect(body('Text.\nDie Polizei ermittelt').map((i) => i[0])).toEqual(['paragraph', 'paragraph']);
  });

  it('the short last line of a paragraph run (blank-line layout) is not a heading', () => {
    const text = 'Der Verein hat getagt.\nDie Mitglieder freuen sich\n\nDie Sanierung beginnt im Mai.\n\nZwischentitel\n\nMehr Text.';
    expect(body(text)).toEqual([
      ['paragraph', 'Der Verein hat getagt.'],
      ['paragraph', 'Die Mitglieder freuen sich'],
      ['paragraph', 'Die Sanierung beginnt im Mai.'],
      ['heading', 'Zwischentitel'],
      ['paragraph', 'Mehr Text.'],
    ]);
  });

  it('a heading directly followed by its text in the blank-line layout stays a heading', () => {
    expect(body('Text.\n\nZwischentitel\nMehr Text.\n\nNoch mehr.').map((i) => i[0])).toEqual(['paragraph', 'heading', 'paragraph', 'paragraph']);
  });

  it('`- ` items and numbered items are list items, never headings; `> ` lines are quotes', () => {
    const items = classifyBody(blocks('Tipps:\n- Fenster schließen\n- Licht an\n1. Erstens\n2. Zweitens\n> Gut so.'), false).items;
    expect(items.map((i) => [i.kind, i.text, i.kind === 'listItem' ? i.ordered : null])).toEqual([
      ['paragraph', 'Tipps:', null],
      ['listItem', 'Fenster schließen', false],
      ['listItem', 'Licht an', false],
      ['listItem', 'Erstens', true],
      ['listItem', 'Zweitens', true],
      ['quote', 'Gut so.', null],
    ]);
    const ids = items.filter((i) => i.kind === 'listItem').map((i) => (i.kind === 'listItem' ? i.listId : -1));
    expect(ids[0]).toBe(ids[1]);
    expect(ids[2]).not.toBe(ids[1]);
  });

  it('a paragraph printed twice in a row is reported and dropped', () => {
    const r = classifyBody(blocks('Gleicher Absatz.\nGleicher Absatz.\nAnderer.'), false);
    expect(r.items.map((i) => i.text)).toEqual(['Gleicher Absatz.', 'Anderer.']);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['DUPLICATE_BLOCK_REMOVED']);
  });
});

describe('layouts: blank lines and single newlines give the same article', () => {
  const pairs: [string, string][] = [['pl-gdansk-promy.txt', 'pl-gdansk-promy-zwarty.txt']];
  const all = listFixtures();
  for (const [a, b] of pairs) {
    it(`${a} ≡ ${b} (apart from source and diagnostic line numbers)`, () => {
      const strip = (name: string) => {
        const f = all.find((x) => x.name === name);
        expect(f).toBeDefined();
        const article = parseFixture(f!);
        return { ...article, source: null, diagnostics: article.diagnostics.map((d) => ({ ...d, line: null })) };
      };
      expect(strip(a)).toEqual(strip(b));
    });
  }
});
