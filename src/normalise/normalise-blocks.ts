/**
 * normalise stage: apply the text clean-ups to every block, keeping inline links in place, and
 * report each repair as a diagnostic on the block's line.
 */

import type { SourceBlock } from '../article/blocks.js';
import type { InlineLink } from '../article/types.js';
import { diagnostic, type Diagnostic } from '../diagnostics/codes.js';
import { convertMarkdownLinks } from './markdown-links.js';
import { cpLength, isCleanWithoutLinkMark, normaliseText, type Repair } from './normalise-text.js';

/** Noncharacters used to mark link text while normalising (removed from input by the normaliser). */
const OPEN = '\uFDD0';
const CLOSE = '\uFDD1';

/**
 * Walk `s` to code point `target` (a high surrogate and the unit after it count as one), not
 * past the end: returns the unit and code point reached. The walk goes on from `unit`, `cp`, a
 * place a walk from the start passes on its way there; from the start when `target` lies behind.
 */
function walkCodePoints(s: string, target: number, unit: number, cp: number): [number, number] {
  if (!(target >= cp)) {
    unit = 0;
    cp = 0;
  }
  for (; cp < target && unit < s.length; cp++) {
    const c = s.charCodeAt(unit);
    unit += c >= 0xd800 && c <= 0xdbff && unit + 1 < s.length ? 2 : 1;
  }
  return [unit, cp];
}

/** A UTF-16 surrogate unit. */
const SURROGATE = /[\uD800-\uDFFF]/;

/** A unit above U+00FF. */
const WIDE = /[^\u0000-\u00FF]/;

/**
 * `text` in one byte per character when it has no unit above U+00FF. Text cut from a string with
 * link markers is held by the engine in two bytes per character, whatever it holds: for a page
 * of Latin text, all its linked paragraphs would take twice the memory. (A Latin-1 round trip
 * through a buffer is the cheapest way to get a one-byte copy.)
 */
function narrowed(text: string): string {
  return text.length === 0 || WIDE.test(text) ? text : Buffer.from(text, 'latin1').toString('latin1');
}

/** Normalise text that carries links, keeping each link on the same words. */
function normaliseWithLinks(text: string, links: readonly InlineLink[]): { text: string; links: InlineLink[]; repairs: Repair[] } {
  // Drop our own markers from the input first, so they can only be ours below.
  const clean = text.replaceAll(OPEN, '').replaceAll(CLOSE, '');
  const sorted = [...links].sort((a, b) => a.start - b.start);
  let marked = '';
  let at = 0;
  // links come in order of their starts, so each walk to one goes on from the one before
  let unit = 0;
  let cp = 0;
  for (const link of sorted) {
    [unit, cp] = walkCodePoints(clean, link.start, unit, cp);
    const from = unit;
    if (from < at) continue; // overlapping link: keep the first
    const [to] = walkCodePoints(clean, link.start + cpLength(link.text), unit, cp);
    marked += clean.slice(at, from) + OPEN + clean.slice(from, to) + CLOSE;
    at = to;
  }
  marked += clean.slice(at);
  const { text: normalised, repairs } = normaliseText(marked, { keepLinkMarkers: true });
  const out: InlineLink[] = [];
  let linkIndex = 0;
  /** The link that closes here: its text runs from code point `openAt` of the plain text. */
  const close = (linkText: string, openAt: number): void => {
    const source = sorted[linkIndex++];
    const trimmed = linkText.trim();
    const lead = cpLength(linkText) - cpLength(linkText.trimStart());
    if (source !== undefined && trimmed !== '') out.push({ text: trimmed, url: source.url, start: openAt + lead });
  };
  let plain = '';
  let openAt = -1;
  if (!SURROGATE.test(normalised)) {
    // One unit per code point: the plain text is copied between the markers, and offsets are
    // units. Each link's span is noted here and its text cut from the finished plain text (a
    // string still being built would be copied whole at every cut).
    const spans: number[] = [];
    let copied = 0;
    for (let i = 0; i < normalised.length; i++) {
      const c = normalised.charCodeAt(i);
      if (c !== 0xfdd0 && c !== 0xfdd1) continue;
      plain += normalised.slice(copied, i);
      copied = i + 1;
      if (c === 0xfdd0) openAt = plain.length;
      else {
        spans.push(openAt, plain.length);
        openAt = -1;
      }
    }
    plain = narrowed(plain + normalised.slice(copied));
    for (let s = 0; s < spans.length; s += 2) {
      const start = spans[s] ?? -1;
      const end = spans[s + 1] ?? 0;
      // (a closing marker without an opening one takes the unit before it, as the general path below does)
      close(start === -1 ? plain.slice(Math.max(0, end - 1), end) : plain.slice(start, end), start);
    }
    return { text: plain, links: out, repairs };
  }
  let cps = 0;
  for (const ch of normalised) {
    if (ch === OPEN) {
      openAt = cps;
      continue;
    }
    if (ch === CLOSE) {
      close([...plain].slice(openAt, cps).join(''), openAt);
      openAt = -1;
      continue;
    }
    plain += ch;
    cps++;
  }
  return { text: plain, links: out, repairs };
}

const REPAIR_CODES = {
  invisible: 'INVISIBLE_CHARACTERS_REMOVED',
  control: 'CONTROL_CHARACTERS_REMOVED',
  spaces: 'SPACES_COLLAPSED',
  punctuation: 'SPACE_BEFORE_PUNCTUATION_REMOVED',
  stutter: 'STUTTER_COLLAPSED',
} as const;

function describe(repair: Repair): string {
  switch (repair.kind) {
    case 'invisible':
      return `${repair.count} zero-width character(s), soft hyphen(s) or BOM(s) removed`;
    case 'control':
      return `${repair.count} control character(s) removed`;
    case 'spaces':
      return `${repair.count} run(s) of spaces collapsed`;
    case 'punctuation':
      return `${repair.count} space(s) before punctuation removed`;
    case 'stutter':
      return `repeated word ${repair.detail ?? ''} collapsed to one`;
  }
}

/** Normalise every block. Markdown links are converted only in plain-text lines. */
export function normaliseBlocks(blocks: readonly SourceBlock[]): { blocks: SourceBlock[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const out: SourceBlock[] = [];
  for (const block of blocks) {
    let text: string;
    let links: InlineLink[] | undefined = block.links;
    if (links === undefined && !('links' in block) && isCleanWithoutLinkMark(block.text)) {
      // most lines: nothing to clean and no Markdown link to convert, so the steps below would
      // pass the block on as it is (without looking for `](` again)
      out.push(block);
      continue;
    }
    let repairs: Repair[];
    if (links !== undefined && links.length > 0) {
      const r = normaliseWithLinks(block.raw === block.text ? block.raw : block.text, links);
      text = r.text;
      links = r.links;
      repairs = r.repairs;
    } else {
      const r = normaliseText(block.text);
      text = r.text;
      repairs = r.repairs;
    }
    for (const repair of repairs) {
      // spaces are collapsed in almost every scraped line; report them only when they were real runs
      if (repair.kind === 'spaces') continue;
      diagnostics.push(diagnostic(REPAIR_CODES[repair.kind], describe(repair), block.line));
    }
    if (block.hint === 'line' && text.includes('](')) {
      const converted = convertMarkdownLinks(text);
      if (converted.links.length > 0) {
        text = converted.text;
        links = [...(links ?? []), ...converted.links];
        diagnostics.push(diagnostic('MARKDOWN_LINK_CONVERTED', `${converted.links.length} Markdown link(s) became plain text with the URL kept`, block.line));
      }
    }
    if (text === block.text && links === undefined && !('links' in block)) {
      // nothing changed: the block goes on as it is, as no stage changes a block it is given
      // (a copy of each costs more than the rest of this loop on blocks of many shapes)
      out.push(block);
      continue;
    }
    const next: SourceBlock = { ...block, text };
    if (links !== undefined && links.length > 0) next.links = links;
    else delete next.links;
    out.push(next);
  }
  return { blocks: out, diagnostics };
}
