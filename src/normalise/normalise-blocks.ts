/**
 * normalise stage: apply the text clean-ups to every block, keeping inline links in place, and
 * report each repair as a diagnostic on the block's line.
 */

import type { SourceBlock } from '../article/blocks.js';
import type { InlineLink } from '../article/types.js';
import { diagnostic, type Diagnostic } from '../diagnostics/codes.js';
import { convertMarkdownLinks } from './markdown-links.js';
import { cpLength, normaliseText, type Repair } from './normalise-text.js';

/** Noncharacters used to mark link text while normalising (removed from input by the normaliser). */
const OPEN = '\uFDD0';
const CLOSE = '\uFDD1';

function codePointIndex(s: string, cp: number): number {
  let i = 0;
  for (let n = 0; n < cp && i < s.length; n++) {
    const c = s.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < s.length ? 2 : 1;
  }
  return i;
}

/** Normalise text that carries links, keeping each link on the same words. */
function normaliseWithLinks(text: string, links: readonly InlineLink[]): { text: string; links: InlineLink[]; repairs: Repair[] } {
  // Drop our own markers from the input first, so they can only be ours below.
  const clean = text.replaceAll(OPEN, '').replaceAll(CLOSE, '');
  let marked = '';
  let at = 0;
  for (const link of [...links].sort((a, b) => a.start - b.start)) {
    const from = codePointIndex(clean, link.start);
    if (from < at) continue; // overlapping link: keep the first
    const to = codePointIndex(clean, link.start + cpLength(link.text));
    marked += clean.slice(at, from) + OPEN + clean.slice(from, to) + CLOSE;
    at = to;
  }
  marked += clean.slice(at);
  const { text: normalised, repairs } = normaliseText(marked, { keepLinkMarkers: true });
  const out: InlineLink[] = [];
  let plain = '';
  let cp = 0;
  let openAt = -1;
  const urls = [...links].sort((a, b) => a.start - b.start);
  let linkIndex = 0;
  for (const ch of normalised) {
    if (ch === OPEN) {
      openAt = cp;
      continue;
    }
    if (ch === CLOSE) {
      const source = urls[linkIndex++];
      const linkText = [...plain].slice(openAt, cp).join('');
      const trimmed = linkText.trim();
      const lead = cpLength(linkText) - cpLength(linkText.trimStart());
      if (source !== undefined && trimmed !== '') out.push({ text: trimmed, url: source.url, start: openAt + lead });
      openAt = -1;
      continue;
    }
    plain += ch;
    cp++;
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
    const next: SourceBlock = { ...block, text };
    if (links !== undefined && links.length > 0) next.links = links;
    else delete next.links;
    out.push(next);
  }
  return { blocks: out, diagnostics };
}
