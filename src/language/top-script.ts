/**
 * The script most of a sample is written in, by the identifier's own script table: one pass over
 * the sample with a per-character cache, counting exactly what a global match of each script's
 * expression would count (a surrogate pair is one character of an astral script).
 */

import { expressions } from 'franc/expressions.js';

const NAMES: readonly string[] = Object.keys(expressions);
/** Sticky, non-global copies: `test` at lastIndex 0 of a one- or two-unit string. */
const PATTERNS: readonly RegExp[] = NAMES.map((name) => new RegExp((expressions[name] as RegExp).source, 'y'));

/** Per BMP code unit: index into SETS of the scripts whose expression matches it alone; -1 = not yet known. */
const unitSet = new Int16Array(0x10000).fill(-1);
const SETS: number[][] = [];
const setIndex = new Map<string, number>();
/** Per astral code point: the scripts whose expression matches the surrogate pair. */
const pairScripts = new Map<number, readonly number[]>();

function matching(s: string): number[] {
  const found: number[] = [];
  for (let k = 0; k < PATTERNS.length; k++) {
    const re = PATTERNS[k] as RegExp;
    re.lastIndex = 0;
    if (re.test(s)) found.push(k);
  }
  return found;
}

function scriptsOfUnit(unit: number): readonly number[] {
  let id = unitSet[unit] as number;
  if (id === -1) {
    const found = matching(String.fromCharCode(unit)).filter((k) => {
      // a match of the pair alternative needs two units: only one-unit matches count here
      const re = PATTERNS[k] as RegExp;
      re.lastIndex = 0;
      re.test(String.fromCharCode(unit));
      return re.lastIndex === 1;
    });
    const key = found.join(',');
    id = setIndex.get(key) ?? -1;
    if (id === -1) {
      id = SETS.length;
      SETS.push(found);
      setIndex.set(key, id);
    }
    unitSet[unit] = id;
  }
  return SETS[id] as number[];
}

function scriptsOfPair(high: number, low: number): readonly number[] {
  const cp = (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  let found = pairScripts.get(cp);
  if (found === undefined) {
    const pair = String.fromCharCode(high, low);
    found = matching(pair).filter((k) => {
      const re = PATTERNS[k] as RegExp;
      re.lastIndex = 0;
      re.test(pair);
      return re.lastIndex === 2;
    });
    pairScripts.set(cp, found);
  }
  return found;
}

/**
 * The script with the most matching characters (the first in table order on a tie) and its share
 * of the sample's UTF-16 length. With no match at all, the first script with a share of 0.
 */
export function topScript(value: string): { script: string; share: number } {
  const counts = new Array<number>(NAMES.length).fill(0);
  const n = value.length;
  for (let i = 0; i < n; i++) {
    const unit = value.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < n) {
      const low = value.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        // Per script, as its own scan would: a one-unit match of the high half first, then
        // the pair, else the low half on its own.
        const alone = scriptsOfUnit(unit);
        const pair = scriptsOfPair(unit, low);
        const lowAlone = scriptsOfUnit(low);
        for (let k = 0; k < NAMES.length; k++) {
          if (alone.includes(k)) counts[k] = (counts[k] as number) + 1 + (lowAlone.includes(k) ? 1 : 0);
          else if (pair.includes(k)) counts[k] = (counts[k] as number) + 1;
          else if (lowAlone.includes(k)) counts[k] = (counts[k] as number) + 1;
        }
        i++;
        continue;
      }
    }
    const set = scriptsOfUnit(unit);
    for (let j = 0; j < set.length; j++) {
      const k = set[j] as number;
      counts[k] = (counts[k] as number) + 1;
    }
  }
  let best = 0;
  for (let k = 1; k < counts.length; k++) if ((counts[k] as number) > (counts[best] as number)) best = k;
  return { script: NAMES[best] as string, share: n === 0 ? 0 : (counts[best] as number) / n };
}
