/**
 * Markdown: YAML front matter (for static site generators) and a CommonMark body.
 * article-parse reads this back to the same article (see src/markdown/segment-markdown.ts).
 */

import { yaml } from '../lazy/yaml.js';
import type { Article, Block, InlineLink } from '../article/types.js';
import { escapeHeading, escapeInline, escapeLine } from '../markdown/escape.js';

/** The front matter keys, in order. Null and empty values are left out, except the core ones. */
export function frontMatter(article: Article): Record<string, unknown> {
  const m = article.metadata;
  const data: Record<string, unknown> = {
    title: article.title,
    teaser: article.teaser,
    language: article.language,
    direction: article.direction,
    dateline: article.dateline,
    location: m.location,
    sources: m.sources,
    comments: m.comments,
    published: m.published,
  };
  if (m.modified !== null) data['modified'] = m.modified;
  if (m.author !== null) data['author'] = m.author;
  if (m.siteName !== null) data['siteName'] = m.siteName;
  if (m.canonicalUrl !== null) data['canonicalUrl'] = m.canonicalUrl;
  if (m.fields.length > 0) data['fields'] = m.fields;
  if (m.commentList.length > 0) data['commentList'] = m.commentList;
  return data;
}

function linkDestination(url: string): string {
  const escaped = url.replaceAll('\\', '\\\\');
  return /[\s()<>]/u.test(url) ? `<${escaped.replaceAll('<', '\\<').replaceAll('>', '\\>')}>` : escaped;
}

/** Text with its links written as `[text](url)`; everything else escaped. */
export function inlineMarkdown(text: string, links: readonly InlineLink[] | undefined, line: boolean): string {
  if (links === undefined || links.length === 0) return line ? escapeLine(text) : escapeInline(text);
  const chars = [...text];
  let out = '';
  let at = 0;
  for (const link of [...links].sort((a, b) => a.start - b.start)) {
    if (link.start < at) continue;
    const end = link.start + [...link.text].length;
    const before = chars.slice(at, link.start).join('');
    out += at === 0 && line ? escapeLine(before) : escapeInline(before);
    out += `[${escapeInline(chars.slice(link.start, end).join(''))}](${linkDestination(link.url)})`;
    at = end;
  }
  out += escapeInline(chars.slice(at).join(''));
  return out;
}

function renderBlock(block: Block, previous: Block | undefined): string {
  // Two lists (or quotes) in a row would merge in Markdown; an empty comment keeps them apart.
  const sep = previous !== undefined && previous.type === block.type && block.type !== 'paragraph' ? '<!-- -->\n\n' : '';
  switch (block.type) {
    case 'paragraph':
      return sep + inlineMarkdown(block.text, block.links, true);
    case 'quote':
      return sep + '> ' + inlineMarkdown(block.text, block.links, true);
    case 'list':
      return sep + block.items.map((item, i) => (block.ordered ? `${i + 1}. ` : '- ') + inlineMarkdown(item.text, item.links, true)).join('\n');
    default:
      return assertNever(block);
  }
}

function assertNever(x: never): never {
  throw new Error(`unexpected block ${JSON.stringify(x)}`);
}

/** Render the article as Markdown with YAML front matter. */
export function renderMarkdown(article: Article): string {
  const parts: string[] = [];
  parts.push('---\n' + yaml().stringify(frontMatter(article), { lineWidth: 0 }) + '---');
  if (article.title !== null) parts.push('# ' + escapeHeading(article.title));
  if (article.lede !== null) parts.push(inlineMarkdown(article.lede, article.ledeLinks, true));
  let previous: Block | undefined;
  for (const section of article.sections) {
    if (section.heading !== null) {
      parts.push('#'.repeat(Math.min(6, Math.max(1, section.level))) + ' ' + escapeHeading(section.heading));
      previous = undefined;
    }
    for (const block of section.blocks) {
      parts.push(renderBlock(block, previous));
      previous = block;
    }
  }
  return parts.join('\n\n') + '\n';
}
