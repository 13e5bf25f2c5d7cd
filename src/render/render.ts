/**
 * render: Article → string in the chosen output format.
 */

import type { Article } from '../article/types.js';
import { renderJson, renderNdjson } from './render-data.js';
import { renderMarkdown } from './render-markdown.js';
import { renderText } from './render-text.js';
import { renderYaml } from './render-yaml.js';

export const OUTPUT_FORMATS = ['json', 'ndjson', 'yaml', 'md', 'text'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface RenderOptions {
  /** JSON on one line. Default: false. */
  compact?: boolean;
}

/** File extension for each output format. */
export const OUTPUT_EXTENSIONS: Readonly<Record<OutputFormat, string>> = {
  json: '.json',
  ndjson: '.ndjson',
  yaml: '.yaml',
  md: '.md',
  text: '.txt',
};

/** Render an article. */
export function render(article: Article, format: OutputFormat, options: RenderOptions = {}): string {
  switch (format) {
    case 'json':
      return renderJson(article, options.compact ?? false);
    case 'ndjson':
      return renderNdjson(article);
    case 'yaml':
      return renderYaml(article);
    case 'md':
      return renderMarkdown(article);
    case 'text':
      return renderText(article);
  }
}
