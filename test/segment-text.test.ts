/**
 * Text segmenter: one block per line, blank lines recorded, hard-wrapped paragraphs joined, and
 * short single-newline articles never mistaken for wrapped text.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segmentText } from '../src/text/segment-text.js';

const texts = (t: string) => segmentText(t).blocks.map((b) => b.text);

describe('segmentText', () => {
  it('gives one block per non-blank line and records blank lines before a line', () => {
    const r = segmentText('Titel\n\nErster Absatz.\nZweiter Absatz.\n');
    expect(r.blocks.map((b) => [b.text, b.line, b.afterBlank])).toEqual([
      ['Titel', 1, false],
      ['Erster Absatz.', 3, true],
      ['Zweiter Absatz.', 4, false],
    ]);
  });

  it('joins a hard-wrapped article (lines broken near one width)', () => {
    const wrapped = [
      'The great east window of York Minster, the largest expanse of medieval',
      'stained glass in the country, has been fully revealed again after more',
      'than ten years of conservation work. Crowds gathered in the nave to see',
      'the scaffolding come down on Saturday.',
      '',
      'Glaziers removed, cleaned and repaired each of the panels by hand. A',
      'new protective outer glazing now keeps rain and frost away from the old',
      'glass.',
    ].join('\n');
    const r = segmentText(wrapped);
    expect(r.blocks.map((b) => b.text)).toEqual([
      'The great east window of York Minster, the largest expanse of medieval stained glass in the country, has been fully revealed again after more than ten years of conservation work. Crowds gathered in the nave to see the scaffolding come down on Saturday.',
      'Glaziers removed, cleaned and repaired each of the panels by hand. A new protective outer glazing now keeps rain and frost away from the old glass.',
    ]);
    expect(r.unwrapped).toBe(5);
  });

  it('does not join list items onto a wrapped line', () => {
    const t = 'Wer einen Notfall meldet, sollte ruhig bleiben und folgende Angaben\nmachen, und zwar in genau dieser Reihenfolge, ohne etwas auszulassen\noder abzukürzen, damit die Leitstelle alles richtig aufnehmen kann\n- den Ort\n- die Zahl der Verletzten';
    expect(texts(t).slice(-2)).toEqual(['- den Ort', '- die Zahl der Verletzten']);
  });

  it('never glues a title to its repeat or to the lede in a short single-newline article', () => {
    const t = [
      'Kurze Meldung aus Kiel über die neue Fähre nach Oslo im Mai',
      'Kurze Meldung aus Kiel über die neue Fähre nach Oslo im Mai',
      'Kiel, Deutschland - Ab Mai fährt eine neue Fähre zweimal pro Woche von Kiel nach Oslo.',
      'Die Tickets sind ab sofort buchbar und kosten ab neunundachtzig Euro pro Person.',
    ].join('\n');
    expect(segmentText(t).unwrapped).toBe(0);
    expect(texts(t)).toHaveLength(4);
  });

  it('never glues teaser copies with photo credits together', () => {
    const t = 'Titel der Meldung\nKurz gesagt: das Wichtigste.\nKurz gesagt: das Wichtigste. (Symbolbild/MND)\nKurz gesagt: das Wichtigste. (Foto: Stadt)\nTitel der Meldung\nText.';
    expect(texts(t)).toHaveLength(6);
  });

  it('treats CRLF-free input with trailing spaces the same as trimmed lines', () => {
    expect(texts('  Titel  \n\tText.\t')).toEqual(['Titel', 'Text.']);
  });

  /** Lines as `trim` cuts them, blank ones left out: what segmentText gives for text that is not hard-wrapped. */
  const trimmedLines = (t: string) => t.split('\n').map((l) => l.trim()).filter((l) => l !== '');

  it('cuts each line as trim does, whatever unit starts or ends it', () => {
    // a line is cut without trim when its edge units are no white space: every unit is tried at both edges
    for (let unit = 0; unit <= 0xffff; unit++) {
      const c = String.fromCharCode(unit);
      const t = `${c}Zeile\nZeile${c}\n${c}`;
      expect(texts(t)).toEqual(trimmedLines(t));
    }
  });

  it('cuts lines as trim does on random short lines', () => {
    const piece = fc.constantFrom('Wort', 'Город', ' ', '\t', '\n', '\r', '\u00A0', '\u2003', '\u3000', '\uFEFF', '\u2028', '\u0085', '\u200B', '.', '😀');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), (pieces) => {
        const t = pieces.join('');
        expect(texts(t)).toEqual(trimmedLines(t));
      }),
      { numRuns: 3000 },
    );
  });
});

