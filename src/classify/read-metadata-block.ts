/**
 * The metadata block at the end of an article:
 *
 *     Details                      (or `Details zur Meldung`)
 *     OrtUkraine, Land             (glued, `Ort: …`, `Ort\t…`, `Ort | … |`, or the value on the next line)
 *     Quellen                      (0..n lines, or a comma list on the label line)
 *     Kommentare (0)               (ends the block)
 *
 * Finds where it starts and reads it into raw fields. Lines after the count are reported.
 */

import type { SourceBlock } from '../article/blocks.js';
import type { InlineLink } from '../article/types.js';
import { diagnostic, type Diagnostic } from '../diagnostics/codes.js';
import { isBlockStart, readLabelLine } from './label-line.js';
import type { LabelEntry, LabelTable } from './labels.js';

/** A label with its value lines, before the values are typed. */
export interface RawField {
  label: string;
  entry: LabelEntry | null;
  /** Value lines; one for an inline value. */
  values: { text: string; links?: InlineLink[] }[];
  /** True when the value stood on the label's own line (then a list splits at commas). */
  inline: boolean;
  line: number;
}

export interface MetadataBlock {
  /** Index of the first block of the metadata block (the `Details` line) in the input list. */
  start: number;
  fields: RawField[];
  /** Blocks after the block's end (the count line). */
  trailing: SourceBlock[];
  diagnostics: Diagnostic[];
}

/** A comments-count line (`Kommentare (3)`), which also ends a block that has no header. */
function isCountLine(block: SourceBlock, table: LabelTable): boolean {
  const l = readLabelLine(block.raw, table, 'header');
  return l !== null && l.entry?.kind === 'count' && l.form === 'count';
}

/** Find the start of the metadata block: the last block-start line, or a trailing count line. */
function findStart(blocks: readonly SourceBlock[], table: LabelTable): number {
  for (let i = blocks.length - 1; i >= 0; i--) {
    const b = blocks[i]!;
    if (b.hint !== 'line' && b.hint !== 'metadata') continue;
    if (isBlockStart(b.raw, table)) return i;
  }
  // No header: accept a run of known label lines that ends in a count line at the very end.
  let end = blocks.length - 1;
  while (end >= 0 && blocks[end]!.hint === 'boilerplate') end--;
  if (end < 0 || !isCountLine(blocks[end]!, table)) return -1;
  let start = end;
  while (start > 0) {
    const prev = blocks[start - 1]!;
    const l = readLabelLine(prev.raw, table, 'header');
    if (l === null || l.entry === null) break;
    start--;
  }
  return start;
}

/** Read the metadata block, or return null when the article has none. */
export function readMetadataBlock(blocks: readonly SourceBlock[], table: LabelTable): MetadataBlock | null {
  const start = findStart(blocks, table);
  if (start === -1) return null;
  const diagnostics: Diagnostic[] = [];
  const fields: RawField[] = [];
  let current: RawField | null = null;
  const first = blocks[start]!;
  let i = isBlockStart(first.raw, table) ? start + 1 : start;
  for (; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.hint === 'boilerplate') continue;
    // HTML gives `Label\tValue`; text may have the same or any other form.
    const l = readLabelLine(b.raw, table, 'block');
    if (l !== null && !(current !== null && current.entry?.kind === 'list' && l.entry === null && l.form !== 'table' && !b.raw.includes('\t'))) {
      if (l.form === 'glued') diagnostics.push(diagnostic('LABEL_VALUE_SPLIT', `label "${l.label}" was glued to its value "${l.value ?? ''}"`, b.line));
      if (l.entry === null) diagnostics.push(diagnostic('UNKNOWN_LABEL', `unknown label "${l.label}" kept in metadata.fields`, b.line));
      const links = b.links;
      current = {
        label: l.label,
        entry: l.entry,
        values: l.value === null ? [] : [links !== undefined ? { text: l.value, links: shiftLinks(links, b.text, l.value) } : { text: l.value }],
        inline: l.value !== null,
        line: b.line,
      };
      fields.push(current);
      if (l.entry?.kind === 'count') {
        i++;
        break;
      }
      continue;
    }
    if (current !== null && (current.entry?.kind === 'list' || current.values.length === 0 || current.entry === null)) {
      current.values.push(b.links !== undefined ? { text: b.text, links: b.links } : { text: b.text });
      continue;
    }
    diagnostics.push(diagnostic('TRAILING_TEXT_DROPPED', `line inside the metadata block has no label: "${truncate(b.text)}"`, b.line));
  }
  const trailing = blocks.slice(i).filter((b) => b.hint !== 'boilerplate');
  diagnostics.unshift(diagnostic('METADATA_BLOCK_FOUND', `metadata block with ${fields.length} field(s)`, first.line));
  return { start, fields, trailing, diagnostics };
}

/** Links of a whole line, re-based onto its value part (dropping those outside it). */
function shiftLinks(links: readonly InlineLink[], line: string, value: string): InlineLink[] {
  const at = line.indexOf(value);
  if (at === -1) return [];
  const offset = [...line.slice(0, at)].length;
  return links.filter((l) => l.start >= offset).map((l) => ({ ...l, start: l.start - offset }));
}

/**
 * The values of the fields labelled as locations, in order: the known place values a dateline is
 * checked against (by loops: filter and flatMap cost more than the rest of their callers' lines).
 */
export function locationValues(fields: readonly RawField[]): string[] {
  const out: string[] = [];
  for (const f of fields) if (f.entry?.key === 'location') for (const v of f.values) out.push(v.text);
  return out;
}

export function truncate(text: string, max = 60): string {
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}
