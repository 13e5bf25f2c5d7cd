/**
 * Body classification: give each body block a role (heading, paragraph, list item, quote).
 * Blocks with a definite hint (HTML, Markdown) keep it; plain-text lines are decided here.
 */

import type { SourceBlock } from '../article/blocks.js';
import type { InlineLink } from '../article/types.js';
import { diagnostic, type Diagnostic } from '../diagnostics/codes.js';
import { cpLength, normaliseText } from '../normalise/normalise-text.js';
import { HAN_KANA, hasProperty, LETTER, SOUTHEAST_ASIAN } from '../util/unicode-props.js';
import { BULLET, isMarkedLine, mayBeMarked, NUMBERED, QUOTE } from './line-markers.js';

export type BodyItem =
  | { kind: 'heading'; text: string; level: number; line: number }
  | { kind: 'paragraph'; text: string; links?: InlineLink[]; line: number }
  | { kind: 'listItem'; text: string; links?: InlineLink[]; ordered: boolean; listId: number; line: number }
  | { kind: 'quote'; text: string; links?: InlineLink[]; line: number };

/** Longest heading, in code points (scripts written with spaces). */
const MAX_HEADING = 110;
/** Longest heading in scripts written without spaces (CJK, Thai). */
const MAX_HEADING_UNSPACED = 40;
/** Most words in a heading. */
const MAX_HEADING_WORDS = 16;
/** A heading does not end like a sentence or a clause (`.,;:…。，；：、،؛।۔`). */
const ENDS_LIKE_SENTENCE = /[.,;:\u2026\u3002\uFF0C\uFF1B\uFF1A\u3001\u060C\u061B\u0964\u06D4]$/u;
/** Closing quotes: a line ending in punctuation plus a quote (`"'”’»`) is speech, not a heading. */
const QUOTE_END = /[.,;:!?\u2026\u3002\uFF01\uFF1F]["'\u201D\u2019\u00BB]$/u;
const URL_ONLY = /^(?:https?:\/\/|www\.)\S+$/iu;

function countSpaces(text: string): number {
  let n = 0;
  for (let i = text.indexOf(' '); i !== -1; i = text.indexOf(' ', i + 1)) n++;
  return n;
}

/** True when a text line could be a heading (short, no sentence-final punctuation). */
export function isHeadingLike(text: string): boolean {
  // A code point is one or two units, so a text of more than twice the limit in units is over
  // it in code points too: most paragraphs are told without counting them.
  if (text.length > 2 * MAX_HEADING) return false;
  const length = cpLength(text);
  if (length === 0 || length > MAX_HEADING) return false;
  // the tighter limit for unspaced scripts matters only between the two limits
  if (length > MAX_HEADING_UNSPACED && !text.includes(' ') && hasProperty(text, HAN_KANA | SOUTHEAST_ASIAN)) return false;
  if (countSpaces(text) + 1 > MAX_HEADING_WORDS) return false;
  if (ENDS_LIKE_SENTENCE.test(text) || QUOTE_END.test(text)) return false;
  if (isMarkedLine(text) || URL_ONLY.test(text)) return false;
  return hasProperty(text, LETTER);
}

/** Shift links after removing `removed` code points from the start of the text. */
function shift(links: readonly InlineLink[] | undefined, removed: number): InlineLink[] | undefined {
  if (links === undefined) return undefined;
  const out = links.filter((l) => l.start >= removed).map((l) => ({ ...l, start: l.start - removed }));
  return out.length > 0 ? out : undefined;
}

function withLinks<T extends object>(item: T, links: InlineLink[] | undefined): T & { links?: InlineLink[] } {
  return links !== undefined && links.length > 0 ? { ...item, links } : item;
}

/**
 * A heading keeps no links, so text that links protected while normalising (`[x](u) [x](u) [x](u)`)
 * is plain text now and gets the plain-text clean-ups; otherwise reading our own Markdown back
 * would clean it where the first pass did not.
 */
function headingText(block: SourceBlock, diagnostics: Diagnostic[]): string {
  if (block.links === undefined || block.links.length === 0) return block.text;
  const { text, repairs } = normaliseText(block.text);
  for (const r of repairs) if (r.kind === 'stutter') diagnostics.push(diagnostic('STUTTER_COLLAPSED', `repeated word ${r.detail ?? ''} collapsed to one`, block.line));
  return text;
}

type Pending = { block: SourceBlock; candidate: boolean };

/**
 * The short last line of a paragraph run in the blank-line layout: it follows a body line with no
 * blank line between them and a blank line follows it, so it closes that run instead of opening
 * the next one. Guards against `…centre.\nThe residents welcome it\n\nNext paragraph` giving a heading.
 * (In the single-newline layout nothing is `afterBlank`, so this never fires there.)
 */
function closesParagraphRun(prev: Pending | undefined, block: SourceBlock, next: Pending | undefined): boolean {
  return (
    prev !== undefined &&
    prev.block.hint === 'line' &&
    !prev.candidate &&
    block.afterBlank === false &&
    next !== undefined &&
    next.block.afterBlank === true
  );
}

/**
 * Classify body blocks. Consecutive identical paragraphs are reported and the repeat dropped
 * (unless `keepDuplicates`, for our own Markdown which is already clean).
 */
export function classifyBody(blocks: readonly SourceBlock[], keepDuplicates: boolean): { items: BodyItem[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const items: BodyItem[] = [];
  let listId = 0;
  let lastListKey: string | null = null;
  let duplicateRun: { of: BodyItem; count: number; diagnostic: Diagnostic } | null = null;
  // Built by push, not `map`, so that the array is packed whether or not this function is optimised.
  const pending: Pending[] = [];
  for (const block of blocks) pending.push({ block, candidate: block.hint === 'line' && isHeadingLike(block.text) });
  for (let i = 0; i < pending.length; i++) {
    const { block, candidate } = pending[i]!;
    const text = block.text;
    if (text === '') continue;
    let item: BodyItem;
    switch (block.hint) {
      case 'heading':
      case 'title':
        item = { kind: 'heading', text: headingText(block, diagnostics), level: block.level ?? 2, line: block.line };
        break;
      case 'paragraph':
        item = withLinks({ kind: 'paragraph', text, line: block.line }, block.links);
        break;
      case 'quote':
        item = withLinks({ kind: 'quote', text, line: block.line }, block.links);
        break;
      case 'listItem': {
        const key = `h${block.listId ?? 0}`;
        if (key !== lastListKey) listId++;
        lastListKey = key;
        item = withLinks({ kind: 'listItem', text, ordered: block.ordered ?? false, listId, line: block.line }, block.links);
        break;
      }
      case 'metadata':
      case 'boilerplate':
        continue;
      case 'line': {
        const marked = mayBeMarked(text);
        const bullet = marked ? (BULLET.exec(text) ?? NUMBERED.exec(text)) : null;
        const quote = marked && bullet === null ? QUOTE.exec(text) : null;
        if (bullet !== null) {
          const ordered = /^\d/.test(bullet[1]!);
          const key = ordered ? 'ordered' : 'bullet';
          if (key !== lastListKey) listId++;
          lastListKey = key;
          const body = bullet[2]!;
          item = withLinks({ kind: 'listItem', text: body, ordered, listId, line: block.line }, shift(block.links, cpLength(text) - cpLength(body)));
        } else if (quote !== null && quote[1]!.trim() !== '') {
          const body = quote[1]!.trim();
          item = withLinks({ kind: 'quote', text: body, line: block.line }, shift(block.links, cpLength(text) - cpLength(body)));
        } else {
          // A heading introduces following text: the next block is body text, not another short line.
          const next = pending[i + 1];
          const introduces = next !== undefined && next.block.hint !== 'metadata' && next.block.hint !== 'boilerplate' && !next.candidate && next.block.hint !== 'heading';
          const heading = candidate && introduces && !closesParagraphRun(pending[i - 1], block, next);
          item = heading ? { kind: 'heading', text: headingText(block, diagnostics), level: 2, line: block.line } : withLinks({ kind: 'paragraph', text, line: block.line }, block.links);
        }
        break;
      }
    }
    if (item.kind !== 'listItem') lastListKey = null;
    const prev = items[items.length - 1];
    if (!keepDuplicates && prev !== undefined && prev.kind === item.kind && prev.text === item.text && item.kind !== 'listItem') {
      // one diagnostic per run of repeats, however long the run
      if (duplicateRun !== null && duplicateRun.of === prev) {
        duplicateRun.count++;
        duplicateRun.diagnostic.message = `a ${item.kind} printed ${duplicateRun.count + 1} times in a row: ${duplicateRun.count} repeat(s) removed`;
      } else {
        const d = diagnostic('DUPLICATE_BLOCK_REMOVED', `a ${item.kind} printed twice in a row was removed`, item.line);
        diagnostics.push(d);
        duplicateRun = { of: prev, count: 1, diagnostic: d };
      }
      continue;
    }
    items.push(item);
  }
  return { items, diagnostics };
}
