/**
 * assemble: classified parts → the Article tree (lede, sections, metadata, language, stats).
 */

import type { DocumentHints } from '../article/blocks.js';
import { SCHEMA_VERSION, type Article, type ArticleSource, type Block, type Direction, type InlineLink, type Section } from '../article/types.js';
import type { BodyItem } from '../classify/classify-body.js';
import { matchesLocation, splitDateline } from '../classify/dateline.js';
import type { RawField } from '../classify/read-metadata-block.js';
import { diagnostic, type Diagnostic } from '../diagnostics/codes.js';
import { detectDirection, detectLanguage, joinSample } from '../language/detect-language.js';
import { mayHoldRtl } from '../language/letter-count.js';
import { buildMetadata } from './build-metadata.js';
import { bodyStats, countBody } from './stats.js';
import { appendAll } from '../util/append.js';

export interface AssembleInput {
  source: ArticleSource;
  title: string | null;
  teaser: string | null;
  items: readonly BodyItem[];
  fields: readonly RawField[];
  hints: DocumentHints;
  diagnostics: readonly Diagnostic[];
}

function withLinks<T extends object>(value: T, links: InlineLink[] | undefined): T & { links?: InlineLink[] } {
  return links !== undefined && links.length > 0 ? { ...value, links } : value;
}

/** Group body items into sections; list items with the same list id become one list. */
function buildSections(items: readonly BodyItem[]): Section[] {
  const sections: Section[] = [];
  let current: Section = { heading: null, level: 1, blocks: [] };
  let lastListId = -1;
  for (const item of items) {
    if (item.kind === 'heading') {
      if (current.heading !== null || current.blocks.length > 0) sections.push(current);
      current = { heading: item.text, level: item.level, blocks: [] };
      lastListId = -1;
      continue;
    }
    const last = current.blocks[current.blocks.length - 1];
    if (item.kind === 'listItem') {
      if (last?.type === 'list' && lastListId === item.listId) last.items.push(withLinks({ text: item.text }, item.links));
      else current.blocks.push({ type: 'list', ordered: item.ordered, items: [withLinks({ text: item.text }, item.links)] });
      lastListId = item.listId;
      continue;
    }
    lastListId = -1;
    const block: Block = item.kind === 'quote' ? withLinks({ type: 'quote', text: item.text }, item.links) : withLinks({ type: 'paragraph', text: item.text }, item.links);
    current.blocks.push(block);
  }
  if (current.heading !== null || current.blocks.length > 0) sections.push(current);
  return sections;
}

function appendBlockTexts(texts: string[], block: Block): void {
  if (block.type === 'list') for (const i of block.items) texts.push(i.text);
  else texts.push(block.text);
}

/** Build the Article. */
export function assembleArticle(input: AssembleInput): Article {
  const diagnostics: Diagnostic[] = [...input.diagnostics];
  const { metadata, diagnostics: metaDiagnostics } = buildMetadata(input.fields, input.hints);
  appendAll(diagnostics, metaDiagnostics);

  // The lede: the first body item when it is a paragraph; the dateline comes off its start.
  let items = input.items;
  let lede: string | null = null;
  let ledeLinks: InlineLink[] | undefined;
  let dateline: string | null = null;
  const first = items[0];
  if (first !== undefined && first.kind === 'paragraph') {
    items = items.slice(1);
    lede = first.text;
    ledeLinks = first.links;
    if (input.hints.authoritative === true) dateline = input.hints.dateline ?? null;
    else {
      const locations = metadata.location !== null ? [metadata.location] : [];
      const split = splitDateline(first.text, locations);
      if (split !== null) {
        dateline = split.dateline;
        lede = split.rest;
        ledeLinks = ledeLinks?.filter((l) => l.start >= split.removed).map((l) => ({ ...l, start: l.start - split.removed }));
        diagnostics.push(diagnostic('DATELINE_SPLIT', `dateline "${split.dateline}" split off the lede`, first.line));
        // `Kiel` agrees with `Kiel, Deutschland`: only a different place is a mismatch.
        if (metadata.location !== null && !matchesLocation(split.dateline, [metadata.location])) {
          diagnostics.push(diagnostic('DATELINE_MISMATCH', `dateline "${split.dateline}" differs from the location "${metadata.location}"`, first.line));
        }
      }
    }
  } else if (input.hints.authoritative === true) dateline = input.hints.dateline ?? null;

  const sections = buildSections(items);
  // Collected by push rather than spread and flatMap, so that these are always packed arrays.
  const bodyTexts: string[] = [];
  if (lede !== null) bodyTexts.push(lede);
  for (const s of sections) for (const b of s.blocks) appendBlockTexts(bodyTexts, b);
  const counts = countBody(bodyTexts);
  // Direction is read from the title, the headings and the body joined. The counting pass has
  // looked at every unit of the body already: unless it or a heading may hold right-to-left
  // characters, the joined text would be built only to be scanned and found left-to-right.
  const sampleParts: string[] = [input.title ?? ''];
  for (const s of sections) sampleParts.push(s.heading ?? '');
  let headsMayHoldRtl = false;
  for (const part of sampleParts) headsMayHoldRtl ||= mayHoldRtl(part);
  appendAll(sampleParts, bodyTexts);
  // Identification reads only the start of these texts: they are joined only that far.
  const languageText = (): string => joinSample(sampleParts);

  let language: string;
  let languageConfidence: number;
  let direction: Direction = counts.mayHoldRtl || headsMayHoldRtl ? detectDirection(languageText()) : 'ltr';
  if (input.hints.authoritative === true && input.hints.language !== undefined) {
    language = input.hints.language;
    languageConfidence = 1;
    direction = input.hints.direction ?? direction;
  } else {
    const guess = detectLanguage(bodyTexts.length > 0 ? joinSample(bodyTexts) : languageText());
    language = guess.language;
    languageConfidence = guess.confidence;
    const declared = input.hints.language?.toLowerCase().split('-')[0];
    if (declared !== undefined && declared !== '' && language !== 'und' && declared !== language) {
      diagnostics.push(diagnostic('LANGUAGE_MISMATCH', `the page declares "${input.hints.language ?? ''}" but the text reads as "${language}"`));
    }
    if (language === 'und' && declared !== undefined && declared !== '') language = declared;
    if (input.hints.direction !== undefined) direction = input.hints.direction;
  }

  const paragraphs = (lede !== null ? 1 : 0) + sections.reduce((n, s) => n + s.blocks.filter((b) => b.type === 'paragraph').length, 0);
  if (bodyTexts.length === 0) diagnostics.push(diagnostic('EMPTY_BODY', 'the article has no body text'));
  if (
    input.fields.length === 0 &&
    input.hints.authoritative !== true &&
    !diagnostics.some((d) => d.code === 'METADATA_BLOCK_FOUND')
  ) {
    diagnostics.push(diagnostic('NO_METADATA_BLOCK', 'no labelled metadata block (Details / Ort / Quellen / Kommentare) was found'));
  } else if (input.hints.authoritative !== true && !diagnostics.some((d) => d.code === 'METADATA_BLOCK_FOUND')) {
    diagnostics.push(diagnostic('NO_METADATA_BLOCK', 'no metadata block at the end; only header fields were found'));
  }

  const article: Article = {
    schemaVersion: SCHEMA_VERSION,
    source: input.source,
    title: input.title,
    teaser: input.teaser,
    dateline,
    lede,
    ...(ledeLinks !== undefined && ledeLinks.length > 0 ? { ledeLinks } : {}),
    sections,
    metadata,
    language,
    languageConfidence,
    direction,
    stats: bodyStats(counts, paragraphs, language),
    diagnostics: sortDiagnostics(diagnostics),
  };
  return article;
}

/**
 * Input order: by line, diagnostics without a line last; in place (sort is stable, so equal lines
 * keep their order), which keeps every article's list the same kind of array.
 */
function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
}
