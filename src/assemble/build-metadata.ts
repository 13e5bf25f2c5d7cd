/**
 * Typed metadata from the raw label/value fields: location, sources, comment count, dates.
 */

import type { DocumentHints } from '../article/blocks.js';
import type { Metadata, MetadataField, SourceRef } from '../article/types.js';
import type { RawField } from '../classify/read-metadata-block.js';
import { diagnostic, type Diagnostic } from '../diagnostics/codes.js';
import { parseDate } from './parse-date.js';
import { appendAll } from '../util/append.js';

const URL_WITH_SCHEME = /^[a-z][a-z0-9+.-]*:\/\/\S+$/iu;
/** `Name (https://…)` or `Name: https://…` on one source line. */
const NAME_THEN_URL = /^(.+?)\s*(?:\(|:\s|\s[-\u2013]\s)\s*([a-z][a-z0-9+.-]*:\/\/[^\s()]+)\)?$/iu;

/** One source line → `{name, url}`; a link's href wins over its text. */
export function readSource(text: string, href: string | null): SourceRef {
  const t = text.trim();
  if (href !== null) return { name: t === '' || t === href || URL_WITH_SCHEME.test(t) ? null : t, url: href };
  if (URL_WITH_SCHEME.test(t)) return { name: null, url: t };
  const m = t.length <= 500 ? NAME_THEN_URL.exec(t) : null;
  if (m !== null) return { name: m[1]!.trim(), url: m[2]! };
  return { name: t, url: null };
}

function sourcesOf(field: RawField): SourceRef[] {
  const out: SourceRef[] = [];
  for (const v of field.values) {
    const link = v.links?.[0];
    // An inline list (`QuellenA, B` or `Quellen: A, B`) splits at commas; a line is one source.
    const items = field.inline && link === undefined && v.text.includes(',') ? v.text.split(',') : [v.text];
    for (const item of items) {
      if (item.trim() === '') continue;
      out.push(readSource(item, link?.url ?? null));
    }
  }
  return out;
}

/** The field's value lines joined by line breaks, or null when it has none. */
function joinValues(field: RawField): string | null {
  const values = field.values;
  if (values.length === 0) return null;
  let value = values[0]!.text;
  for (let i = 1; i < values.length; i++) value += '\n' + values[i]!.text;
  return value;
}

/**
 * The public list: the hints' fields, then each labelled field's label, key and value as written.
 * Built by push so that it is always a packed array.
 */
function metadataFields(hinted: readonly MetadataField[] | undefined, fields: readonly RawField[]): MetadataField[] {
  const out: MetadataField[] = [];
  if (hinted !== undefined) appendAll(out, hinted);
  for (const f of fields) out.push({ label: f.label, key: f.entry?.key ?? null, value: joinValues(f) });
  return out;
}

/** Build `Article.metadata` from the raw fields and the document hints. */
export function buildMetadata(fields: readonly RawField[], hints: DocumentHints): { metadata: Metadata; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const metadata: Metadata = {
    location: null,
    sources: [],
    comments: null,
    published: null,
    modified: null,
    author: hints.author ?? null,
    siteName: hints.siteName ?? null,
    canonicalUrl: hints.canonicalUrl ?? null,
    fields: metadataFields(hints.fields, fields),
    commentList: hints.commentList ?? [],
  };
  for (const f of fields) {
    const first = f.values[0]?.text ?? null;
    switch (f.entry?.key) {
      case 'location':
        metadata.location ??= first;
        break;
      case 'sources':
        appendAll(metadata.sources, sourcesOf(f));
        break;
      case 'comments': {
        const n = first === null ? NaN : Number.parseInt(first.replace(/\D/gu, ''), 10);
        if (Number.isFinite(n)) metadata.comments ??= n;
        break;
      }
      case 'published':
      case 'modified': {
        if (first === null) break;
        const date = parseDate(first);
        if (date === null) diagnostics.push(diagnostic('DATE_UNREADABLE', `"${f.label}" value "${first}" is not a date I can read`, f.line));
        else if (f.entry.key === 'published') metadata.published ??= date;
        else metadata.modified ??= date;
        break;
      }
      case 'author':
        metadata.author ??= first;
        break;
      default:
        break;
    }
  }
  // Page metadata (HTML meta tags, JSON-LD) fills what the labels did not give.
  if (metadata.published === null && hints.published !== undefined) metadata.published = parseDate(hints.published) ?? hints.published;
  if (metadata.modified === null && hints.modified !== undefined) metadata.modified = parseDate(hints.modified) ?? hints.modified;
  // Our own Markdown front matter is authoritative.
  if (hints.authoritative === true) {
    if (hints.location !== undefined) metadata.location = hints.location;
    if (hints.sources !== undefined) metadata.sources = hints.sources;
    if (hints.comments !== undefined) metadata.comments = hints.comments;
    if (hints.publishedField !== undefined) metadata.published = hints.publishedField;
  }
  return { metadata, diagnostics };
}
