/**
 * The block model shared by the text, HTML and Markdown segmenters.
 *
 * A segmenter turns its input into an ordered list of `SourceBlock`s, each one line of text (a
 * paragraph, a heading, a list item, …) with the 1-based line of the decoded input it came from.
 * Text input cannot say what a line is, so its blocks carry `hint: 'line'` and the classifier
 * decides; HTML and Markdown know their structure and give a definite hint, which the classifier
 * keeps. Everything after segmentation is shared by the three inputs.
 */

import type { Comment, Direction, InlineLink, MetadataField } from './types.js';

/** What the segmenter knows about a block. */
export type BlockHint =
  /** Unknown: a line of plain text (the classifier decides). */
  | 'line'
  /** The page's main title (`<h1>`, Markdown `#`). */
  | 'title'
  /** A section heading; see `level`. */
  | 'heading'
  | 'paragraph'
  /** One list item; consecutive items with the same `listId` form one list. */
  | 'listItem'
  | 'quote'
  /** A line of the site's labelled details block (label and value separated by a tab). */
  | 'metadata'
  /** Page furniture the segmenter already knows to be boilerplate (kept for diagnostics only). */
  | 'boilerplate';

export interface SourceBlock {
  /** The text after normalisation (the normaliser writes it; segmenters set it to `raw`). */
  text: string;
  /** The text as segmented, before clean-ups. */
  raw: string;
  /** 1-based line of the decoded input where the block starts. */
  line: number;
  hint: BlockHint;
  /** Heading level (2 for `##`/`<h2>`, …) when `hint` is `heading`. */
  level?: number;
  /** For `listItem`: whether the list is numbered. */
  ordered?: boolean;
  /** For `listItem`: items with the same id belong to one list. */
  listId?: number;
  /** Links inside `text` (code-point offsets into `text`). */
  links?: InlineLink[];
  /** True when the block was preceded by a blank line (text input), used for unwrapping. */
  afterBlank?: boolean;
}

/**
 * What a segmenter knows about the document as a whole (page metadata, Markdown front matter).
 * Every field is optional: text input usually has none.
 */
export interface DocumentHints {
  title?: string;
  teaser?: string;
  dateline?: string;
  language?: string;
  direction?: Direction;
  author?: string;
  published?: string;
  modified?: string;
  siteName?: string;
  canonicalUrl?: string;
  /** Metadata fields found outside the block list (e.g. Markdown front matter), in order. */
  fields?: MetadataField[];
  /** Structured values that override what the fields would give (front matter is authoritative). */
  location?: string | null;
  sources?: { name: string | null; url: string | null }[];
  comments?: number | null;
  publishedField?: string | null;
  commentList?: Comment[];
  /** True when the hints come from our own Markdown front matter: they are taken as they are. */
  authoritative?: boolean;
}

/** A segmenter's output. */
export interface Segmented {
  blocks: SourceBlock[];
  hints: DocumentHints;
}
