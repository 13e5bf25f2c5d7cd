/**
 * Datelines at the start of the lede: `Place, Parent - `, `Place, Parent – `, `Place — `, and
 * `Place. ` (the last only when it matches the metadata location or is written in capitals, since
 * any short first sentence would otherwise pass).
 */

import { hasProperty, hasPropertyTwice, LOWERCASE, startsWithProperty, UPPERCASE } from '../util/unicode-props.js';

/** Separators between dateline and text, in the order tried. */
const DASHES = [' - ', ' – ', ' — '] as const;
/** How far into the lede a dateline may reach. */
const MAX_DATELINE = 80;
/** Each comma part of a dateline has at most this many words. */
const MAX_PART_WORDS = 4;
/** Words that start sentences, not place names (a dateline without a comma must not start so). */
const SENTENCE_STARTERS = new Set([
  'der', 'die', 'das', 'ein', 'eine', 'er', 'sie', 'es', 'wir', 'ich', 'dies', 'diese', 'dieser', 'heute', 'gestern',
  'the', 'a', 'an', 'he', 'she', 'it', 'we', 'they', 'i', 'this', 'that', 'today', 'yesterday',
  'il', 'un', 'une', 'on', 'nous', 'elle', 'ils',
]);
/** Characters that never stand in a place name (`!?;:"“”„«»` and digits). */
const NOT_IN_PLACE = /[!?;:"\u201C\u201D\u201E\u00AB\u00BB\d]/u;

export interface DatelineSplit {
  dateline: string;
  /** The lede without the dateline. */
  rest: string;
  /** Code points removed from the start of the lede (to move link offsets). */
  removed: number;
}

function norm(s: string): string {
  return s.trim().toLowerCase();
}

/** True when `prefix` names one of the known locations (`Hamburg` matches `Hamburg, Deutschland`). */
export function matchesLocation(prefix: string, locations: readonly string[]): boolean {
  const p = norm(prefix);
  if (p === '') return false;
  return locations.some((loc) => {
    const l = norm(loc);
    return l === p || l.startsWith(p + ',') || p.startsWith(l + ',');
  });
}

function wordLooksLikeName(word: string): boolean {
  if (startsWithProperty(word, UPPERCASE)) return true;
  if (/^\(/.test(word)) return true; // `Berlin (dpa)`
  // short particles inside names: `Frankfurt am Main`, `Rio de Janeiro`, `Stratford-upon-Avon`
  return ['am', 'an', 'der', 'de', 'del', 'di', 'da', 'do', 'la', 'le', 'im', 'ob', 'sur', 'upon', 'on', 'of', 'en', 'y'].includes(word);
}

/** True when `prefix` reads as a place: capitalised name parts separated by commas. */
function looksLikePlace(prefix: string): boolean {
  if (prefix.length === 0 || prefix.length > MAX_DATELINE || NOT_IN_PLACE.test(prefix)) return false;
  const parts = prefix.split(',').map((p) => p.trim());
  if (parts.length > 3 || parts.some((p) => p === '')) return false;
  for (const part of parts) {
    const words = part.split(' ').filter((w) => w !== '');
    if (words.length === 0 || words.length > MAX_PART_WORDS) return false;
    if (!startsWithProperty(words[0]!, UPPERCASE)) return false;
    if (!words.every(wordLooksLikeName)) return false;
  }
  if (parts.length === 1) {
    const words = parts[0]!.split(' ');
    if (words.length > 3 || SENTENCE_STARTERS.has(words[0]!.toLowerCase())) return false;
  }
  return true;
}

function isAllCaps(prefix: string): boolean {
  return hasPropertyTwice(prefix, UPPERCASE) && !hasProperty(prefix, LOWERCASE) && !NOT_IN_PLACE.test(prefix) && prefix.split(' ').length <= 4;
}

/**
 * Code points of `text` before its suffix `rest`. The suffix starts after a space or other white
 * space, never inside a surrogate pair, so counting the short start alone gives the same number
 * as counting both texts whole.
 */
function removedCodePoints(text: string, rest: string): number {
  return [...text.slice(0, text.length - rest.length)].length;
}

/** Split a dateline off the start of the lede, or return null when it has none. */
export function splitDateline(text: string, locations: readonly string[]): DatelineSplit | null {
  // A separator that counts ends within the first MAX_DATELINE + 3 units: search only there, so
  // a long lede without one is not read to its end three times.
  const head = text.length > MAX_DATELINE + 3 ? text.slice(0, MAX_DATELINE + 3) : text;
  let at = -1;
  for (const dash of DASHES) {
    const i = head.indexOf(dash);
    if (i > 0 && i <= MAX_DATELINE && (at === -1 || i < at)) at = i;
  }
  if (at > 0) {
    const prefix = text.slice(0, at).trim();
    const rest = text.slice(at + 3).trimStart();
    if (rest !== '' && (matchesLocation(prefix, locations) || looksLikePlace(prefix))) {
      return { dateline: prefix, rest, removed: removedCodePoints(text, rest) };
    }
  }
  const dot = head.indexOf('. ');
  if (dot > 0 && dot <= MAX_DATELINE) {
    const prefix = text.slice(0, dot).trim();
    const rest = text.slice(dot + 2).trimStart();
    if (rest !== '' && (matchesLocation(prefix, locations) || isAllCaps(prefix))) {
      return { dateline: prefix, rest, removed: removedCodePoints(text, rest) };
    }
  }
  return null;
}
