/**
 * Reading one label line: `Ort: Hamburg`, `Ort\tHamburg`, `Ort | Hamburg |`, `OrtHamburg` (glued),
 * `Ort` (value on the next lines), `Kommentare (3)`.
 */

import { LOWERCASE, unicodeProperties, WHITE_SPACE } from '../util/unicode-props.js';
import { isWhiteSpaceUnit } from '../util/white-space.js';
import type { LabelEntry, LabelTable } from './labels.js';

/** How the label and value were written. */
export type LabelForm = 'bare' | 'separated' | 'table' | 'spaced' | 'glued' | 'count';

export interface LabelLine {
  /** The label as written. */
  label: string;
  entry: LabelEntry | null;
  /** The value on the label's own line, or null when it stands alone. */
  value: string | null;
  form: LabelForm;
}

/** Where a line is read: inside the metadata block (any form) or elsewhere (only unmistakable forms). */
export type LabelContext = 'block' | 'header';

/** Only separator characters (one star, so nothing to backtrack); a dash is checked apart. */
const TABLE_SEPARATOR = /^[\s:|-]*$/;
/** `(12)` or `: 12` after a count label. */
const COUNT_VALUE = /^(?:\(\s*(\d{1,9})\s*\)|:\s*(\d{1,9}))$/;
/** An unknown label: a short capitalised phrase before `:`, a tab or `|`. */
const UNKNOWN_LABEL = /^(\p{Lu}[\p{L}\p{M}\d .'’-]{0,39}?)\s*(?:\t|:|\|)\s*(.*)$/u;

/** True for a Markdown table separator row such as `---|` or `| --- | --- |`. */
export function isTableSeparator(line: string): boolean {
  return line.includes('-') && line.includes('|') && TABLE_SEPARATOR.test(line);
}

/** A table's labels, longest first, with their entries, and the length of the longest one in lower case. */
interface SortedLabels {
  labels: { label: string; lower: string; entry: LabelEntry }[];
  longest: number;
}

/** All labels of the table, longest first, with their entries (cached per table). */
const sortedCache = new WeakMap<LabelTable, SortedLabels>();
function sortedLabels(table: LabelTable): SortedLabels {
  let sorted = sortedCache.get(table);
  if (sorted === undefined) {
    const labels = table.fields
      .flatMap((entry) => entry.labels.map((label) => ({ label, lower: label.toLowerCase(), entry })))
      .sort((a, b) => b.label.length - a.label.length);
    sorted = { labels, longest: labels.reduce((m, l) => Math.max(m, l.lower.length), 0) };
    sortedCache.set(table, sorted);
  }
  return sorted;
}

/** The table's block starts in lower case, and the length of the longest (cached per table). */
const blockStartCache = new WeakMap<LabelTable, { lower: string[]; longest: number }>();
function lowerBlockStarts(table: LabelTable): { lower: string[]; longest: number } {
  let starts = blockStartCache.get(table);
  if (starts === undefined) {
    const lower = table.blockStarts.map((s) => s.toLowerCase());
    starts = { lower, longest: lower.reduce((m, s) => Math.max(m, s.length), 0) };
    blockStartCache.set(table, starts);
  }
  return starts;
}

/** Capital sigma: its lower case (final or not) depends on the letters after it. */
const CAPITAL_SIGMA = '\u03a3';

/**
 * The lower case of `text`, or of a start of it that is enough to tell whether it starts with any
 * lower-case string up to `length` units long: lower case maps each character on its own (but a
 * capital sigma) to one unit or more, so the lower case of a start is a start of the lower case,
 * at least as long. The start is one unit longer than that, so that a surrogate pair it cuts in
 * two lies beyond the units compared. A long line is not folded whole to test a few labels
 * against its start. (Exposed for tests.)
 */
export function lowerStart(text: string, length: number): string {
  if (text.length <= length + 1) return text.toLowerCase();
  const start = text.slice(0, length + 1);
  return start.includes(CAPITAL_SIGMA) ? text.toLowerCase() : start.toLowerCase();
}

function cleanValue(value: string): string | null {
  let v = value.trim();
  if (v.endsWith('|')) v = v.slice(0, -1).trim();
  if (v.startsWith('|')) v = v.slice(1).trim();
  return v === '' ? null : v;
}

/** True when the line opens the metadata block (`Details`, `Details zur Meldung`, optional `:`). */
export function isBlockStart(line: string, table: LabelTable): boolean {
  const starts = lowerBlockStarts(table);
  // the line trimmed and without one colon at its end, found before any of it is copied
  let start = 0;
  let end = line.length;
  while (start < end && isWhiteSpaceUnit(line.charCodeAt(start))) start++;
  while (end > start && isWhiteSpaceUnit(line.charCodeAt(end - 1))) end--;
  if (end > start && line.charCodeAt(end - 1) === 0x3a) end--;
  // lower case is never shorter than what it folds: a longer line is no block start
  if (end - start > starts.longest) return false;
  return starts.lower.includes(line.slice(start, end).toLowerCase());
}

/**
 * Read a label line, or return null when the line is not one.
 * In the header only separated, table and count forms and bare template labels count, so a
 * sentence that starts with a label word is never taken for metadata.
 */
export function readLabelLine(line: string, table: LabelTable, context: LabelContext): LabelLine | null {
  let text = line.trim();
  const tableRow = text.startsWith('|');
  if (tableRow) text = text.slice(1).trimStart();
  const sorted = sortedLabels(table);
  const lower = lowerStart(text, sorted.longest);
  for (const { lower: labelLower, entry } of sorted.labels) {
    if (!lower.startsWith(labelLower)) continue;
    const label = text.slice(0, labelLower.length);
    const rest = text.slice(labelLower.length);
    if (rest === '') {
      if (context === 'header' && entry.template !== true) continue;
      return { label, entry, value: null, form: 'bare' };
    }
    const trimmed = rest.trimStart();
    if (entry.kind === 'count') {
      const m = COUNT_VALUE.exec(trimmed);
      if (m !== null) return { label, entry, value: m[1] ?? m[2] ?? null, form: 'count' };
    }
    const sep = trimmed[0];
    if (sep === ':' || sep === '|' || rest[0] === '\t') {
      const value = cleanValue(sep === ':' || sep === '|' ? trimmed.slice(1) : trimmed);
      return { label, entry, value, form: sep === '|' || tableRow ? 'table' : 'separated' };
    }
    if (rest[0] === ' ') {
      // `Veröffentlicht am 12.03.2025`: a date label followed by a number reads anywhere;
      // anything else only inside the block.
      if (entry.kind === 'date' && /^\d/.test(trimmed)) return { label, entry, value: cleanValue(trimmed), form: 'spaced' };
      if (context === 'block') return { label, entry, value: cleanValue(trimmed), form: 'spaced' };
      continue;
    }
    // Glued: `OrtUkraine, Land`. A lowercase letter next means a longer word (`Ortsteil`).
    const next = unicodeProperties(rest.codePointAt(0)!);
    if (context === 'block' && (next & (LOWERCASE | WHITE_SPACE)) === 0) {
      return { label, entry, value: cleanValue(rest), form: 'glued' };
    }
  }
  if (context === 'block' || tableRow) {
    const m = UNKNOWN_LABEL.exec(text);
    if (m !== null && m[1] !== undefined && !/^https?$/i.test(m[1].trim())) {
      const value = cleanValue(m[2] ?? '');
      if (value !== null || text.endsWith(':')) return { label: m[1].trim(), entry: null, value, form: tableRow ? 'table' : 'separated' };
    }
  }
  return null;
}
