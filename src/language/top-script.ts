/**
 * The script most of a sample is written in, by the identifier's own script expressions: one pass
 * over the sample with a table lookup per character (script-runs.ts, generated from the same
 * expressions), counting exactly what a global match of each script's expression would count (a
 * surrogate pair is one character of an astral script).
 */

import { expressions } from 'franc/expressions.js';
import { RUN_SETS, RUN_STARTS, SCRIPT_NAMES, SCRIPT_SETS } from './script-runs.js';

const NAMES = SCRIPT_NAMES;
/** Sticky, non-global copies, for surrogate pairs only: compiled on first use. */
let patterns: readonly RegExp[] | undefined;

/** Per BMP code unit: index into SCRIPT_SETS (from the generated runs), built on first use. */
let unitSet: Uint8Array | undefined;
/** Per astral code point: the scripts whose expression matches the surrogate pair. */
const pairScripts = new Map<number, readonly number[]>();

function unitTable(): Uint8Array {
  if (unitSet === undefined) {
    unitSet = new Uint8Array(0x10000);
    for (let r = 0; r < RUN_STARTS.length; r++) unitSet.fill(RUN_SETS[r] as number, RUN_STARTS[r] as number, (RUN_STARTS[r + 1] as number | undefined) ?? 0x10000);
  }
  return unitSet;
}

function scriptsOfUnit(unit: number): readonly number[] {
  return SCRIPT_SETS[unitTable()[unit] as number] as readonly number[];
}

function scriptsOfPair(high: number, low: number): readonly number[] {
  const cp = (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  let found = pairScripts.get(cp);
  if (found === undefined) {
    const pair = String.fromCharCode(high, low);
    patterns ??= NAMES.map((name) => new RegExp((expressions[name] as RegExp).source, 'y'));
    const matched: number[] = [];
    for (let k = 0; k < patterns.length; k++) {
      const re = patterns[k] as RegExp;
      re.lastIndex = 0;
      if (re.test(pair) && re.lastIndex === 2) matched.push(k);
    }
    found = matched;
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
  // Units outside surrogate pairs are counted per set of scripts first (one increment each),
  // and the sets spread over their scripts at the end.
  const table = unitTable();
  const perSet = new Int32Array(SCRIPT_SETS.length);
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
    perSet[table[unit] as number]! += 1;
  }
  for (let s = 0; s < perSet.length; s++) {
    const c = perSet[s] as number;
    if (c === 0) continue;
    const set = SCRIPT_SETS[s] as readonly number[];
    for (let j = 0; j < set.length; j++) counts[set[j] as number] = (counts[set[j] as number] as number) + c;
  }
  let best = 0;
  for (let k = 1; k < counts.length; k++) if ((counts[k] as number) > (counts[best] as number)) best = k;
  return { script: NAMES[best] as string, share: n === 0 ? 0 : (counts[best] as number) / n };
}
