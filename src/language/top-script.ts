/**
 * The script most of a sample is written in, by the identifier's own script expressions: one pass
 * over the sample with a table lookup per character (script-runs.ts, generated from the same
 * expressions), counting exactly what a global match of each script's expression would count (a
 * surrogate pair is one character of an astral script).
 */

import { expressions } from 'franc/expressions.js';
import { unitsOf } from './sample-units.js';
import { RUN_SETS, RUN_STARTS, SCRIPT_NAMES, SCRIPT_SETS } from './script-runs.js';

const NAMES = SCRIPT_NAMES;
/** Sticky, non-global copies, for surrogate pairs only: compiled on first use. */
let patterns: readonly RegExp[] | undefined;

/**
 * Per BMP code unit: index into SCRIPT_SETS (from the generated runs), built on first use; a
 * surrogate has SURROGATE instead (its own set is in surrogateSets), so that the counting loop
 * can tell that a sample holds one without testing each unit.
 */
let unitSet: Uint8Array | undefined;
const SURROGATE = SCRIPT_SETS.length;
const surrogateSets = new Uint8Array(0x800);
/** Per astral code point: the scripts whose expression matches the surrogate pair. */
const pairScripts = new Map<number, readonly number[]>();

function unitTable(): Uint8Array {
  if (unitSet === undefined) {
    unitSet = new Uint8Array(0x10000);
    for (let r = 0; r < RUN_STARTS.length; r++) unitSet.fill(RUN_SETS[r] as number, RUN_STARTS[r] as number, (RUN_STARTS[r + 1] as number | undefined) ?? 0x10000);
    surrogateSets.set(unitSet.subarray(0xd800, 0xe000));
    unitSet.fill(SURROGATE, 0xd800, 0xe000);
  }
  return unitSet;
}

function setOfUnit(unit: number): number {
  const set = unitTable()[unit] as number;
  return set === SURROGATE ? (surrogateSets[unit - 0xd800] as number) : set;
}

function scriptsOfUnit(unit: number): readonly number[] {
  return SCRIPT_SETS[setOfUnit(unit)] as readonly number[];
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
 * Units counted per set of scripts (index into SCRIPT_SETS, and SURROGATE), in four lanes of
 * LANE counters each: unit i goes to lane i % 4, so that a run of units of one script does not
 * make each increment wait for the one before it.
 */
const LANE = SURROGATE + 1;
const lanes = new Int32Array(4 * LANE);

/**
 * Add to `counts` what the surrogates of `units` count for, per script, as each script's own scan
 * would: a one-unit match of the high half first, then the pair, else the low half on its own
 * (a surrogate pair is one character of an astral script); a lone surrogate counts as itself.
 */
function countSurrogates(units: Uint16Array, n: number, counts: number[]): void {
  for (let i = 0; i < n; i++) {
    const unit = units[i] as number;
    if (unit < 0xd800 || unit > 0xdfff) continue;
    const alone = scriptsOfUnit(unit);
    const low = i + 1 < n ? (units[i + 1] as number) : 0;
    if (unit <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) {
      const pair = scriptsOfPair(unit, low);
      const lowAlone = scriptsOfUnit(low);
      for (let k = 0; k < NAMES.length; k++) {
        if (alone.includes(k)) counts[k] = (counts[k] as number) + 1 + (lowAlone.includes(k) ? 1 : 0);
        else if (pair.includes(k)) counts[k] = (counts[k] as number) + 1;
        else if (lowAlone.includes(k)) counts[k] = (counts[k] as number) + 1;
      }
      i++;
    } else for (let j = 0; j < alone.length; j++) counts[alone[j] as number] = (counts[alone[j] as number] as number) + 1;
  }
}

/**
 * The SCRIPT_SETS index of the scripts whose expression matches the BMP code unit `unit` alone,
 * or -1 for a surrogate (whose scripts depend on its neighbour).
 */
export function unitScriptSet(unit: number): number {
  const set = unitTable()[unit] as number;
  return set === SURROGATE ? -1 : set;
}

/** True when the set of scripts `set` (index into SCRIPT_SETS) is empty: its units count for no script. */
export function isScriptless(set: number): boolean {
  return (SCRIPT_SETS[set] as readonly number[]).length === 0;
}

/** Add `units` characters to each script of the set `set` (index into SCRIPT_SETS). */
function addSet(counts: number[], set: number, units: number): void {
  const scripts = SCRIPT_SETS[set] as readonly number[];
  for (let j = 0; j < scripts.length; j++) counts[scripts[j] as number] = (counts[scripts[j] as number] as number) + units;
}

/** The script of most characters (the first in table order on a tie) and its share of `n` units. */
function topOfCounts(counts: readonly number[], n: number): { script: string; share: number } {
  let best = 0;
  for (let k = 1; k < counts.length; k++) if ((counts[k] as number) > (counts[best] as number)) best = k;
  return { script: NAMES[best] as string, share: n === 0 ? 0 : (counts[best] as number) / n };
}

/**
 * `topScript` of a sample of `n` units without surrogates whose units were already counted per
 * set of scripts (`setUnits[s]` units of set s, an index into SCRIPT_SETS).
 */
export function topScriptOfSets(setUnits: ArrayLike<number>, n: number): { script: string; share: number } {
  const counts = new Array<number>(NAMES.length).fill(0);
  for (let s = 0; s < SURROGATE; s++) {
    const c = setUnits[s] as number;
    if (c !== 0) addSet(counts, s, c);
  }
  return topOfCounts(counts, n);
}

/**
 * The script with the most matching characters (the first in table order on a tie) and its share
 * of the sample's UTF-16 length. With no match at all, the first script with a share of 0.
 */
export function topScript(value: string): { script: string; share: number } {
  const n = value.length;
  const units = unitsOf(value);
  const table = unitTable();
  // Every unit is counted per set of scripts first (one increment each), and the sets spread
  // over their scripts at the end; surrogates, if any, are counted again on their own.
  lanes.fill(0);
  let i = 0;
  for (; i + 3 < n; i += 4) {
    lanes[table[units[i] as number] as number]! += 1;
    lanes[LANE + (table[units[i + 1] as number] as number)]! += 1;
    lanes[2 * LANE + (table[units[i + 2] as number] as number)]! += 1;
    lanes[3 * LANE + (table[units[i + 3] as number] as number)]! += 1;
  }
  for (; i < n; i++) lanes[table[units[i] as number] as number]! += 1;
  const counts = new Array<number>(NAMES.length).fill(0);
  for (let s = 0; s < SURROGATE; s++) {
    const c = (lanes[s] as number) + (lanes[LANE + s] as number) + (lanes[2 * LANE + s] as number) + (lanes[3 * LANE + s] as number);
    if (c !== 0) addSet(counts, s, c);
  }
  const surrogates = (lanes[SURROGATE] as number) + (lanes[LANE + SURROGATE] as number) + (lanes[2 * LANE + SURROGATE] as number) + (lanes[3 * LANE + SURROGATE] as number);
  if (surrogates > 0) countSurrogates(units, n, counts);
  return topOfCounts(counts, n);
}
