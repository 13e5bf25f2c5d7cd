/**
 * parseArticle: wires the stages, nothing else.
 *
 *   bytes ─read (decode, line ends)─▶ text ─segment (text | html | markdown)─▶ blocks
 *         ─normalise─▶ blocks ─whole-page finder (text only)─▶ blocks
 *         ─classify (metadata block, header, body)─▶ parts ─assemble─▶ Article
 */

import type { Segmented, SourceBlock } from './article/blocks.js';
import type { Article, ArticleSource, InputFormat } from './article/types.js';
import { assembleArticle } from './assemble/assemble-article.js';
import { classifyBody } from './classify/classify-body.js';
import { BUILTIN_LABELS, type LabelTable } from './classify/labels.js';
import { readHeader } from './classify/read-header.js';
import { locationValues, readMetadataBlock } from './classify/read-metadata-block.js';
import { diagnostic, hasErrors, type Diagnostic } from './diagnostics/codes.js';
import { detectFormat, type InputFormatOption } from './input/detect-format.js';
import { findArticleText } from './fullpage/find-article-text.js';
import { detectLanguage, joinSample } from './language/detect-language.js';
import { segmentHtml } from './html/segment-html.js';
import { segmentMarkdown } from './markdown/segment-markdown.js';
import { normaliseBlocks } from './normalise/normalise-blocks.js';
import { readSourceText } from './source/read-source-text.js';
import { failedArticle } from './assemble/failed-article.js';
import { segmentText } from './text/segment-text.js';
import { appendAll } from './util/append.js';

export interface ParseOptions {
  /** The input's path, for `source.path` and format detection. Default: `null`. */
  path?: string | null;
  /** How to read the input. Default: `'auto'` (extension, then content). */
  inputFormat?: InputFormatOption;
  /** Decode bytes with this encoding instead of detecting it. Default: detected. */
  encoding?: string;
  /** The label table (built-in merged with `--labels`). Default: the built-in table. */
  labels?: LabelTable;
  /** Inputs larger than this many bytes are refused with INPUT_TOO_LARGE. Default: 64 MiB. */
  maxBytes?: number;
}

function segment(text: string, format: InputFormat): Segmented & { unwrapped?: number } {
  switch (format) {
    case 'text':
      return segmentText(text);
    case 'markdown':
      return segmentMarkdown(text);
    case 'html':
      return segmentHtml(text);
  }
}

/** Parse one article from bytes or a string. Never throws for bad input: problems are diagnostics. */
export function parseArticle(input: string | Uint8Array, options: ParseOptions = {}): Article {
  const path = options.path ?? null;
  const read = readSourceText(input, {
    path,
    inputFormat: options.inputFormat ?? 'auto',
    ...(options.encoding !== undefined ? { encoding: options.encoding } : {}),
    ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}),
  });
  const { text, encoding, encodingConfidence, bytes, diagnostics } = read;
  const format = detectFormat(text, path, options.inputFormat ?? 'auto');
  const source: ArticleSource = { path, format, encoding, encodingConfidence, bytes };

  if (hasErrors(diagnostics)) return failedArticle(source, diagnostics);
  if (text.trim() === '') {
    diagnostics.push(diagnostic('EMPTY_INPUT', 'the input is empty or only whitespace'));
    return failedArticle(source, diagnostics);
  }

  const segmented = segment(text, format);
  if (segmented.unwrapped !== undefined && segmented.unwrapped > 0) {
    diagnostics.push(diagnostic('LINES_UNWRAPPED', `${segmented.unwrapped} hard-wrapped line(s) joined into paragraphs`));
  }
  const normalised = normaliseBlocks(segmented.blocks);
  appendAll(diagnostics, normalised.diagnostics);
  // Whole-page text (menus, cookie notice, share bar, footer around the article): keep the article.
  const page = format === 'text' ? findArticleText(normalised.blocks) : null;
  if (page !== null) appendAll(diagnostics, page.diagnostics);
  const blocks = page?.blocks ?? normalised.blocks;
  const table = options.labels ?? BUILTIN_LABELS;
  const hints = segmented.hints;

  // The metadata block at the end, then the header, then the body between them.
  const meta = hints.authoritative === true ? null : readMetadataBlock(blocks, table);
  const main: readonly SourceBlock[] = meta === null ? blocks : blocks.slice(0, meta.start);
  if (meta !== null) {
    appendAll(diagnostics, meta.diagnostics);
    for (const b of meta.trailing) diagnostics.push(diagnostic('TRAILING_TEXT_DROPPED', `text after the metadata block dropped: "${b.text.slice(0, 60)}"`, b.line));
  }
  const locations = meta === null ? [] : locationValues(meta.fields);
  const bodyLanguage = (): string => detectLanguage(joinSample(main.map((b) => b.text))).language;
  const header = readHeader(main, table, hints, locations, (candidates) => {
    const language = bodyLanguage();
    const index = candidates.findIndex((c) => detectLanguage(c).language === language);
    return index === -1 ? 0 : index;
  });
  appendAll(diagnostics, header.diagnostics);
  const taken = header.taken;
  const bodyBlocks = taken.length === 0 ? main.slice(header.bodyStart) : main.slice(header.bodyStart).filter((_, i) => !taken.includes(i + header.bodyStart));
  // A page (saved HTML or its whole visible text) may show the same paragraph twice on purpose;
  // only scraped article text repeats by accident.
  const body = classifyBody(bodyBlocks, hints.authoritative === true || format === 'html' || page?.isWholePage === true);
  appendAll(diagnostics, body.diagnostics);

  if (header.title === null && body.items.length === 0) {
    diagnostics.push(diagnostic('NO_ARTICLE', format === 'html' ? 'no article content was found in the page' : 'no article text was found'));
  }
  return assembleArticle({
    source,
    title: header.title,
    teaser: header.teaser,
    items: body.items,
    fields: [...header.fields, ...(meta?.fields ?? [])],
    hints,
    diagnostics,
  });
}
