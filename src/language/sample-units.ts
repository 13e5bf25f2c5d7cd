/**
 * The sample's UTF-16 code units in a typed array shared between calls, for the passes over a
 * sample (script, trigrams, direction).
 */

import { UnitCopy } from '../util/unit-copy.js';

const copy = new UnitCopy();

/**
 * The first `n` units of `text` (n at most text.length) in the shared array, valid until the next
 * call; entries from `n` on are left as they were.
 */
export function unitsOf(text: string, n: number = text.length): Uint16Array {
  return copy.of(text, n);
}
