/**
 * A linear pass that keeps pathological nesting away from the parser, run on pages that open more
 * than `MAX_DEPTH` elements at once (parse-html.ts).
 *
 * The parser updates its stack of open elements at the front and searches it for end tags, so a
 * page nested 100,000 deep costs quadratic time. This pass counts open elements with a light tag
 * scanner and blanks (replaces by spaces, newlines kept) the start and end tags of elements
 * opened beyond `MAX_DEPTH`. Text is untouched and every offset stays where it was, so line
 * numbers still point into the original input. A page no deeper than the cap is returned
 * unchanged.
 */

/** Deepest element nesting passed to the parser; real articles stay far below it. */
export const MAX_DEPTH = 400;

/** Elements that never have content. */
const VOID = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr',
  'param', 'keygen', 'frame', 'basefont', 'bgsound', 'image',
]);
/** Elements whose end tag is usually implied: not counted, so long unclosed lists do not look deep. */
const IMPLIED_END = new Set([
  'p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'tbody', 'thead', 'tfoot', 'colgroup',
  'rb', 'rt', 'rp', 'rtc', 'html', 'head', 'body',
]);
/** Elements whose content is raw text: skipped to their end tag. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript', 'iframe', 'noembed', 'noframes']);
/** How far down the stack a mismatched end tag may close elements (keeps the pass linear). */
const END_TAG_REACH = 8;

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isNameChar(c: number): boolean {
  return isAsciiLetter(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x3a || c === 0x5f;
}

/** Index just past the `>` that ends the tag starting at `from`, quotes respected. */
function tagEnd(html: string, from: number): number {
  let quote = 0;
  for (let i = from; i < html.length; i++) {
    const c = html.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) {
      // A quote only opens a value right after `=` (possibly spaced); elsewhere it is a stray.
      let k = i - 1;
      while (k > from && (html.charCodeAt(k) === 0x20 || html.charCodeAt(k) === 0x09 || html.charCodeAt(k) === 0x0a)) k--;
      if (html.charCodeAt(k) === 0x3d) quote = c;
    } else if (c === 0x3e) return i + 1;
  }
  return html.length;
}

/** Index of the end tag `</name` (case-insensitive) at or after `from`, or the input length. */
function findEndTag(html: string, name: string, from: number): number {
  let pos = from;
  for (;;) {
    const k = html.indexOf('</', pos);
    if (k < 0) return html.length;
    if (html.slice(k + 2, k + 2 + name.length).toLowerCase() === name && !isNameChar(html.charCodeAt(k + 2 + name.length))) return k;
    pos = k + 2;
  }
}

/**
 * Return `html` with the tags of elements nested deeper than `maxDepth` blanked out (see the
 * module comment); the same string when nothing is that deep.
 */
export function flattenDeepNesting(html: string, maxDepth: number = MAX_DEPTH): string {
  const stack: string[] = [];
  const excess: string[] = [];
  const blanks: number[] = [];
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    const next = html.charCodeAt(lt + 1);
    if (next === 0x21 || next === 0x3f) {
      const end = html.indexOf('>', lt);
      i = end < 0 ? html.length : end + 1;
      continue;
    }
    const closing = next === 0x2f;
    let p = lt + (closing ? 2 : 1);
    if (!isAsciiLetter(html.charCodeAt(p))) {
      i = lt + 1;
      continue;
    }
    const nameStart = p;
    while (p < html.length && isNameChar(html.charCodeAt(p))) p++;
    const name = html.slice(nameStart, p).toLowerCase();
    const end = tagEnd(html, p);
    i = end;
    if (!closing && RAW_TEXT.has(name)) {
      i = findEndTag(html, name, end);
      continue;
    }
    if (VOID.has(name) || IMPLIED_END.has(name)) continue;
    if (!closing) {
      if (html.charCodeAt(end - 2) === 0x2f) continue; // <x/>: treated as empty (XHTML, SVG)
      if (stack.length < maxDepth) stack.push(name);
      else {
        excess.push(name);
        blanks.push(lt, end);
      }
      continue;
    }
    if (excess.length > 0 && excess[excess.length - 1] === name) {
      excess.pop();
      blanks.push(lt, end);
      continue;
    }
    for (let k = stack.length - 1; k >= 0 && k >= stack.length - END_TAG_REACH; k--) {
      if (stack[k] === name) {
        stack.length = k;
        break;
      }
    }
  }
  if (blanks.length === 0) return html;
  const parts: string[] = [];
  let from = 0;
  for (let b = 0; b < blanks.length; b += 2) {
    const start = blanks[b] as number;
    const stop = blanks[b + 1] as number;
    parts.push(html.slice(from, start));
    const tag = html.slice(start, stop);
    parts.push(tag.replace(/[^\n]/g, ' '));
    from = stop;
  }
  parts.push(html.slice(from));
  return parts.join('');
}
