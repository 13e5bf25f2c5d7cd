/**
 * The Article: the one public data type article-parse produces (schema version 1).
 *
 * Every field is plain JSON data, so JSON, YAML and Markdown renderings are views of the same
 * value. `schema/article.schema.json` describes the same shape for non-TypeScript consumers.
 */

import type { Diagnostic } from '../diagnostics/codes.js';

export type { Diagnostic };

/** The schema version written into every Article. */
export const SCHEMA_VERSION = 1 as const;

/** How the input was read. */
export type InputFormat = 'text' | 'html' | 'markdown';

/** Writing direction of the article's main script. */
export type Direction = 'ltr' | 'rtl';

/** Where the article came from. */
export interface ArticleSource {
  /** Path as given on the command line or to the library; `null` for stdin or a string. */
  path: string | null;
  /** The input format that was used to read it. */
  format: InputFormat;
  /** The character encoding the bytes were decoded from (WHATWG label, e.g. `utf-8`). */
  encoding: string;
  /** How sure the decoder is of `encoding`, 0..1 (1 for a BOM or valid UTF-8). */
  encodingConfidence: number;
  /** Length of the input in bytes. */
  bytes: number;
}

/** A hyperlink inside a run of text. Offsets count Unicode code points of `text`'s owner. */
export interface InlineLink {
  /** The linked words as they appear in the text. */
  text: string;
  /** The link target. */
  url: string;
  /** Code-point offset of `text` in the owning string. */
  start: number;
}

/** A paragraph of running text. */
export interface ParagraphBlock {
  type: 'paragraph';
  text: string;
  /** Links inside `text`; omitted when there are none. */
  links?: InlineLink[];
}

/** One item of a list. */
export interface ListItem {
  text: string;
  links?: InlineLink[];
}

/** A bulleted (`ordered: false`) or numbered list. */
export interface ListBlock {
  type: 'list';
  ordered: boolean;
  items: ListItem[];
}

/** A block quotation. */
export interface QuoteBlock {
  type: 'quote';
  text: string;
  links?: InlineLink[];
}

/** A body block. */
export type Block = ParagraphBlock | ListBlock | QuoteBlock;

/** A run of body blocks under one heading (or under none, for the content before the first heading). */
export interface Section {
  /** The heading text, or `null` for the untitled first section. */
  heading: string | null;
  /** Heading level: 1 for the untitled section, 2 for `##`, 3 for `###`, … */
  level: number;
  blocks: Block[];
}

/** One cited source from the `Quellen` field. */
export interface SourceRef {
  /** Outlet or organisation name, or a bare domain; `null` when the source is only a URL. */
  name: string | null;
  /** A URL with a scheme; `null` when none was given. */
  url: string | null;
}

/** One label/value pair of the metadata, in the order met. */
export interface MetadataField {
  /** The label as written in the input (e.g. `Ort`). */
  label: string;
  /** The normalised English key (e.g. `location`), or `null` for an unknown label. */
  key: string | null;
  /** The value as written (several lines joined by `\n`), or `null` when the label had none. */
  value: string | null;
}

/** A reader comment captured from the page (never part of the body). */
export interface Comment {
  author: string | null;
  /** ISO 8601 date or date-time when one could be read, else the text as written, else `null`. */
  date: string | null;
  text: string;
}

/** The article's labelled metadata, with normalised keys. */
export interface Metadata {
  /** From `Ort`. */
  location: string | null;
  /** From `Quellen`: zero or more. */
  sources: SourceRef[];
  /** The number in `Kommentare (N)`, or `null` when the page shows no count. */
  comments: number | null;
  /** ISO 8601 date (or date-time) from `Veröffentlicht am`, when a date is present. */
  published: string | null;
  /** ISO 8601 date (or date-time) of the last update, when one is given. */
  modified: string | null;
  /** The byline, when one is given. */
  author: string | null;
  /** The site's name, when one is given. */
  siteName: string | null;
  /** The canonical URL of the article, when one is given. */
  canonicalUrl: string | null;
  /** Every label/value pair in order, unknown labels too. */
  fields: MetadataField[];
  /** Reader comments, when the input carries them (HTML pages). */
  commentList: Comment[];
}

/** Simple counts over the body (lede and sections). */
export interface ArticleStats {
  /** Words; in scripts written without spaces, dictionary word segments. */
  words: number;
  /** Unicode code points of body text, spaces included. */
  characters: number;
  /** Paragraph blocks, lede included. */
  paragraphs: number;
  /** Estimated silent reading time in whole minutes (at least 1 for a non-empty body). */
  readingMinutes: number;
}

/** The structured article. */
export interface Article {
  schemaVersion: typeof SCHEMA_VERSION;
  source: ArticleSource;
  title: string | null;
  /** The site's one-line summary, when the template prints one. */
  teaser: string | null;
  /** The place line split off the lede (e.g. `Ukraine, Land`). */
  dateline: string | null;
  /** The first paragraph, dateline removed. */
  lede: string | null;
  /** Links inside the lede; omitted when there are none. */
  ledeLinks?: InlineLink[];
  sections: Section[];
  metadata: Metadata;
  /** BCP 47 language tag detected from the body text, or `und`. */
  language: string;
  /** How sure the language identification is, 0..1. */
  languageConfidence: number;
  direction: Direction;
  stats: ArticleStats;
  /** Every repair made and every problem found, in input order. */
  diagnostics: Diagnostic[];
}
