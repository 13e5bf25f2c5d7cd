/**
 * Counting letters, and characters of right-to-left scripts, in one pass over cached
 * per-character flags.
 */

import { CharFlags, pairAt } from '../util/char-flags.js';
import { LETTER as LETTER_PROPERTY, RIGHT_TO_LEFT } from '../util/unicode-props.js';
import { unitsOf } from './sample-units.js';

const LETTER = 1;
const RTL = 2;
const FLAGS = new CharFlags([LETTER_PROPERTY, RIGHT_TO_LEFT]);

export interface LetterCounts {
  letters: number;
  /** Characters of right-to-left scripts (letters, and also their digits and marks). */
  rtl: number;
}

/**
 * False when `text` certainly holds no character of a right-to-left script: none of its units
 * lies in U+0590–U+08FF or U+FB1D–U+FEFF (where every such character of the BMP is) or is a
 * surrogate (astral ones). A quick scan before counting.
 */
export function mayHoldRtl(text: string): boolean {
  const n = text.length;
  const units = unitsOf(text);
  for (let i = 0; i < n; i++) {
    const unit = units[i] as number;
    if (unit < 0x590) continue;
    if (unit <= 0x8ff || (unit >= 0xd800 && unit <= 0xdfff) || (unit >= 0xfb1d && unit <= 0xfeff)) return true;
  }
  return false;
}

/**
 * Letters (code points of category L) and characters of right-to-left scripts in `text`; counting
 * stops once `enough` letters are found (the counts are then of the text up to there).
 */
export function countLetters(text: string, enough = Number.POSITIVE_INFINITY): LetterCounts {
  let letters = 0;
  let rtl = 0;
  const n = text.length;
  for (let i = 0; i < n && letters < enough; i++) {
    const unit = text.charCodeAt(i);
    let flags: number;
    if (unit < 0x80) flags = (unit | 0x20) >= 0x61 && (unit | 0x20) <= 0x7a ? LETTER : 0;
    else {
      const cp = unit >= 0xd800 && unit <= 0xdbff ? pairAt(text, i) : -1;
      if (cp === -1) flags = FLAGS.unit(unit);
      else {
        flags = FLAGS.codePoint(cp);
        i++;
      }
    }
    letters += flags & LETTER;
    rtl += (flags & RTL) >> 1;
  }
  return { letters, rtl };
}
