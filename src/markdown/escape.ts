/**
 * Escaping text for CommonMark, only where a reader would misread it, and the inverse.
 * `unescapeMarkdown(escapeInline(x)) === x` for every single-line string x.
 */

const ASCII_PUNCT = new Set('!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~');
const ENTITY = /^&(?:#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)/u;
const ALNUM = /[\p{L}\p{N}]/u;
const SPACE = /\s/u;

function isSpaceOrEdge(ch: string | undefined): boolean {
  return ch === undefined || SPACE.test(ch);
}

/** Escape characters that CommonMark would read as inline markup. */
export function escapeInline(text: string): string {
  let out = '';
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const prev = chars[i - 1];
    const next = chars[i + 1];
    switch (ch) {
      case '\\':
      case '`':
      case '[':
      case ']':
        out += '\\' + ch;
        break;
      case '*':
        // `3 * 4` cannot open or close emphasis; anything else might.
        out += isSpaceOrEdge(prev) && isSpaceOrEdge(next) && prev !== undefined && next !== undefined ? ch : '\\' + ch;
        break;
      case '_':
        // intraword underscores (`snake_case`) are literal in CommonMark
        out += prev !== undefined && next !== undefined && ALNUM.test(prev) && ALNUM.test(next) ? ch : isSpaceOrEdge(prev) && isSpaceOrEdge(next) && prev !== undefined && next !== undefined ? ch : '\\' + ch;
        break;
      case '<':
        out += next !== undefined && /[A-Za-z/!?]/u.test(next) ? '\\<' : ch;
        break;
      case '&':
        out += ENTITY.test(chars.slice(i, i + 40).join('')) ? '\\&' : ch;
        break;
      case '~':
        out += next === '~' || prev === '~' ? '\\~' : ch;
        break;
      default:
        out += ch;
    }
  }
  return out;
}

const BLOCK_START = /^(?:#{1,6}(?:\s|$)|>|[-+*](?:\s|$)|\d{1,9}[.)](?:\s|$)|=+\s*$|-+\s*$|(?:[-*_]\s*){3,}$|~~~|```)/u;

/** Escape a whole line of text: inline markup plus what would start a block (`# `, `- `, `1. `). */
export function escapeLine(text: string): string {
  const inline = escapeInline(text);
  if (!BLOCK_START.test(inline)) return inline;
  const digits = /^\d{1,9}(?=[.)])/u.exec(inline);
  if (digits !== null) return digits[0] + '\\' + inline.slice(digits[0].length);
  return inline.startsWith('\\') ? inline : '\\' + inline;
}

/** Escape heading text: like a line, plus a closing `#` run that would be stripped. */
export function escapeHeading(text: string): string {
  const line = escapeInline(text);
  const m = /(^|\s)(#+)$/u.exec(line);
  return m === null ? line : line.slice(0, line.length - m[2]!.length) + '\\' + m[2]!;
}

/** Remove backslash escapes before ASCII punctuation. */
export function unescapeMarkdown(text: string): string {
  if (!text.includes('\\')) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\' && i + 1 < text.length && ASCII_PUNCT.has(text[i + 1]!)) {
      out += text[i + 1];
      i++;
    } else out += ch;
  }
  return out;
}
