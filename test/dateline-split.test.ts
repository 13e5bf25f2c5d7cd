import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitDateline } from '../src/classify/dateline.js';

const PLACES = ['Berlin', 'KIEL', 'Frankfurt am Main', 'São Paulo, Brasil', '𝐀thens', 'Hamburg (dpa)', 'Ünye'];
const SEPARATORS = [' - ', ' – ', ' — ', '. ', ' -  \u00a0', '.  \t'];
const REST = [...'abc XYZ üé', '😀', '𝐀', '\u3000', '\u00a0', '\t', ' ', '.', '-', '–'];

describe('splitDateline', () => {
  it('counts the removed code points as the whole lede minus the rest', () => {
    const lede = fc
      .tuple(fc.constantFrom(...PLACES), fc.constantFrom(...SEPARATORS), fc.array(fc.constantFrom(...REST), { maxLength: 120 }))
      .map(([place, separator, rest]) => place + separator + rest.join(''));
    fc.assert(
      fc.property(lede, fc.boolean(), (text, known) => {
        const split = splitDateline(text, known ? ['Berlin', 'Athens'] : []);
        if (split !== null) expect(split.removed).toBe([...text].length - [...split.rest].length);
      }),
      { numRuns: 5000 },
    );
  });

  it('finds only separators within the dateline reach, however long the lede', () => {
    const far = `${'x'.repeat(81)} - rest`;
    expect(splitDateline(`Berlin - ${'word '.repeat(200)}`, [])?.dateline).toBe('Berlin');
    expect(splitDateline(far, [])).toBeNull();
    expect(splitDateline(`${'Aa'.repeat(40)} - ${'y'.repeat(300)}`, [])).not.toBeNull();
    expect(splitDateline(`${'Aa'.repeat(40)}x - ${'y'.repeat(300)}`, [])).toBeNull();
  });
});
