/**
 * Reading one label line: `Ort: Hamburg`, `Ort\tHamburg`, `Ort | Hamburg |`, `OrtHamburg` (glued),
 * `Ort` (value on the next lines), `Kommentare (3)`.
 */

import { LOWERCASE, unicodeProperties, WHITE_SPACE } from '../util/unicode-props.js';
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

/** All labels of the table, longest first, with their entries (cached per table). */
const sortedCache = new WeakMap<LabelTable, { label: string; lower: string; entry: LabelEntry }[]>();
function sortedLabels(table: LabelTable): { label: string; lower: string; entry: LabelEntry }[] {
  let sorted = sortedCache.get(table);
  if (sorted === undefined) {
    sorted = table.fields
      .flatMap((entry) => entry.labels.map((label) => ({ label, lower: label.toLowerCase(), entry })))
      .sort((a, b) => b.label.length - a.label.length);
    sortedCache.set(table, sorted);
  }
  return sorted;
}

function cleanValue(value: string): string | null {
  let v = value.trim();
  if (v.endsWith('|')) v = v.slice(0, -1).trim();
  if (v.startsWith('|')) v = v.slice(1).trim();
  return v === '' ? null : v;
}

/** True when the line opens the metadata block (`Details`, `Details zur Meldung`, optional `:`). */
export function isBlockStart(line: string, table: LabelTable): boolean {
  const l = line.trim().replace(/:$/, '').toLowerCase();
  return table.blockStarts.some((s) => s.toLowerCase() === l);
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
  const lower = text.toLowerCase();
  for (const { lower: labelLower, entry } of sortedLabels(table)) {
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
