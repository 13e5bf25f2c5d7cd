/**
 * A text's UTF-16 code units in a typed array shared between calls, for the passes over a sample
 * (script, trigrams, direction): reading a typed array costs less than `charCodeAt` per unit, and
 * on a little-endian machine Node's UTF-16 encoder copies the units in one native call.
 */

import { LITTLE_ENDIAN } from '../util/unicode-props.js';

/** A buffer that grew past this many units for one long text is let go after it. */
const KEEP_UNITS = 65536;

let units = new Uint16Array(4096);
let bytes = Buffer.from(units.buffer, units.byteOffset, units.byteLength);

/**
 * The first `n` units of `text` (n ≤ text.length) in the shared array, valid until the next
 * call; entries from `n` on are left as they were.
 */
export function unitsOf(text: string, n: number = text.length): Uint16Array {
  if (units.length < n || units.length > KEEP_UNITS) {
    units = new Uint16Array(Math.max(n, 4096));
    bytes = Buffer.from(units.buffer, units.byteOffset, units.byteLength);
  }
  if (LITTLE_ENDIAN) bytes.write(text, 0, n * 2, 'utf16le');
  else for (let i = 0; i < n; i++) units[i] = text.charCodeAt(i);
  return units;
}
