/**
 * article-parse: the public API.
 *
 * ```ts
 * import { parseArticle, render } from 'article-parse';
 * const article = parseArticle(text);          // or bytes: Uint8Array
 * process.stdout.write(render(article, 'md'));
 * ```
 */

export { parseArticle, type ParseOptions } from './parse-article.js';
export { render, OUTPUT_FORMATS, OUTPUT_EXTENSIONS, type OutputFormat, type RenderOptions } from './render/render.js';
export type {
  Article,
  ArticleSource,
  ArticleStats,
  Block,
  Comment,
  Direction,
  InlineLink,
  InputFormat,
  ListBlock,
  ListItem,
  Metadata,
  MetadataField,
  ParagraphBlock,
  QuoteBlock,
  Section,
  SourceRef,
} from './article/types.js';
export { SCHEMA_VERSION } from './article/types.js';
export { DIAGNOSTIC_CODES, hasErrors, type Diagnostic, type DiagnosticCode, type Severity } from './diagnostics/codes.js';
export { BUILTIN_LABELS, type LabelEntry, type LabelKind, type LabelTable } from './classify/labels.js';
export { mergeLabels, parseLabelsYaml, LabelsError } from './classify/load-labels.js';
export { UnknownEncodingError } from './source/decode.js';
export type { InputFormatOption } from './input/detect-format.js';
