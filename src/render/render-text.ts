/**
 * Clean plain text: title, teaser, dateline and lede, headings and paragraphs, lists as `- `.
 */

import type { Article, Block } from '../article/types.js';

function blockText(block: Block): string {
  switch (block.type) {
    case 'paragraph':
      return block.text;
    case 'quote':
      return `> ${block.text}`;
    case 'list':
      return block.items.map((item, i) => (block.ordered ? `${i + 1}. ` : '- ') + item.text).join('\n');
  }
}

/** Render the article as readable plain text, paragraphs separated by blank lines. */
export function renderText(article: Article): string {
  const parts: string[] = [];
  if (article.title !== null) parts.push(article.title);
  if (article.teaser !== null) parts.push(article.teaser);
  if (article.lede !== null) parts.push(article.dateline !== null ? `${article.dateline} - ${article.lede}` : article.lede);
  for (const section of article.sections) {
    if (section.heading !== null) parts.push(section.heading);
    for (const block of section.blocks) parts.push(blockText(block));
  }
  return parts.join('\n\n') + '\n';
}
