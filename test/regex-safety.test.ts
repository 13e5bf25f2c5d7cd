/**
 * Regular-expression safety (issue 5: "no regular expression can backtrack catastrophically").
 *
 * Every regular expression in src/ (listed with `grep` and with a TypeScript-scanner pass; about 100)
 * is reached here through an exported function, on adversarial strings: long runs of the
 * characters the pattern repeats, nearly-matching prefixes, 100,000 characters and more. Each case
 * times the function on an input of size n and 4n (best of 3, each sample repeated until it takes
 * at least 20 ms) and asserts the ratio stays below 10: linear work gives about 4, quadratic about
 * 16. That is a complexity check, not a wall-clock limit, so a slow or busy machine does not fail it.
 *
 * Patterns that are trivially linear (a single character class or literal with no quantifier,
 * `split(/\s+/)`, global replace with a character class) are still covered through the function
 * that uses them, in the 'linear' groups below.
 *
 * The named groups below are the patterns the audit found super-linear (trailing punctuation,
 * table separators, photo credits, list markers, the Markdown link scanner, the dictionary word
 * breaker on long unspaced runs); each was rewritten to be linear and stays here as a regression
 * check. They use a small n, so a regression costs seconds, not minutes.
 */

import { describe, expect, it } from 'vitest';
import type { SourceBlock } from '../src/article/blocks.js';
import { buildMetadata, readSource } from '../src/assemble/build-metadata.js';
import { parseDate } from '../src/assemble/parse-date.js';
import { computeStats, countWords } from '../src/assemble/stats.js';
import { classifyBody, isHeadingLike } from '../src/classify/classify-body.js';
import { splitDateline } from '../src/classify/dateline.js';
import { isBlockStart, isTableSeparator, readLabelLine } from '../src/classify/label-line.js';
import { BUILTIN_LABELS } from '../src/classify/labels.js';
import { sameTextKey } from '../src/classify/read-header.js';
import { detectFormat } from '../src/input/detect-format.js';
import { detectDirection, detectLanguage } from '../src/language/detect-language.js';
import { escapeHeading, escapeInline, escapeLine, unescapeMarkdown } from '../src/markdown/escape.js';
import { parseInline, segmentMarkdown } from '../src/markdown/segment-markdown.js';
import { convertMarkdownLinks } from '../src/normalise/markdown-links.js';
import { collapseStutters, normaliseText } from '../src/normalise/normalise-text.js';
import { inlineMarkdown } from '../src/render/render-markdown.js';
import { repairMojibake } from '../src/source/decode.js';
import { segmentText } from '../src/text/segment-text.js';
import { segmentHtml } from '../src/html/segment-html.js';
import { parseArticle, render } from '../src/index.js';

/** Linear is ~4 for a 4× input, quadratic ~16; 10 leaves room for noise and n·log n. */
const MAX_RATIO = 10;
const NBSP = '\u00a0';
/** Ideographic space: `\s` in a regex, and not collapsed by the normaliser (no-break spaces are). */
const IDEO = '\u3000';

/** Milliseconds per call: best of 3 samples, each repeating `fn` until it has run 20 ms. */
function msPerCall(fn: () => unknown): number {
  let best = Infinity;
  for (let sample = 0; sample < 3; sample++) {
    let calls = 0;
    const t0 = performance.now();
    let elapsed = 0;
    do {
      fn();
      calls++;
      elapsed = performance.now() - t0;
    } while (elapsed < 20);
    best = Math.min(best, elapsed / calls);
  }
  return best;
}

/** Time for 4n over time for n. */
function growth(fn: (s: string) => unknown, make: (n: number) => string, n: number): number {
  const small = make(n);
  const large = make(4 * n);
  fn(small); // warm up (JIT, lazy module state)
  const a = msPerCall(() => fn(small));
  const b = msPerCall(() => fn(large));
  return b / a;
}

interface Case {
  /** What the input is. */
  input: string;
  /** The function under test, called on the generated string. */
  fn: (s: string) => unknown;
  make: (n: number) => string;
  /** Size of the smaller input (default 100,000 characters). */
  n?: number;
}

const block = (text: string, hint: SourceBlock['hint'] = 'line', line = 1): SourceBlock => ({ text, raw: text, line, hint });
const page = (body: string, head = ''): string => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

/** Default n; REGEX_SAFETY_N overrides it (e.g. 10000 for a quick look while hunting a slow case). */
const DEFAULT_N = Number(process.env['REGEX_SAFETY_N'] ?? 100_000);

/**
 * Assert time(4n) / time(n) < MAX_RATIO. A linear case gets up to five attempts and keeps the
 * lowest ratio (a garbage collection or a busy neighbour can spoil one attempt; a quadratic case
 * fails them all). Known failures pass `attempts: 1`.
 */
function check(c: Case, attempts = 5): void {
  const t0 = performance.now();
  let ratio = Infinity;
  for (let a = 0; a < attempts && ratio >= MAX_RATIO; a++) ratio = Math.min(ratio, growth(c.fn, c.make, c.n ?? DEFAULT_N));
  if (process.env['REGEX_SAFETY_LOG'] === '1') process.stderr.write(`${c.input}: ratio ${ratio.toFixed(1)} in ${Math.round(performance.now() - t0)} ms\n`);
  expect(ratio, `time(4n) / time(n) for ${c.input}`).toBeLessThan(MAX_RATIO);
}

function group(title: string, cases: Record<string, Case>): void {
  describe(title, () => {
    for (const [pattern, c] of Object.entries(cases)) it(`${pattern} — ${c.input}`, { timeout: 60_000 }, () => check(c));
  });
}

// ---------------------------------------------------------------------------------------------
// src/input, src/markdown, src/render (no other owner right now)

group('src/input/detect-format.ts', {
  'HTML_START ^\\s*(?:<!doctype\\s+html|…)': { input: 'spaces, then no tag', fn: (s) => detectFormat(s, null), make: (n) => `${' '.repeat(n)}x` },
  'HTML_START <\\?xml[^>]*>\\s*': { input: '<?xml and no closing >', fn: (s) => detectFormat(s, null), make: (n) => `<?xml${' a'.repeat(n / 2)}` },
  'HTML_START <!doctype\\s+': { input: '<!doctype then spaces', fn: (s) => detectFormat(s, null), make: (n) => `<!doctype${' '.repeat(n)}x` },
  'HTML_TAGS <(?:div|…|a\\s+href)[\\s>] (global)': { input: 'nearly-tags <div<div…', fn: (s) => detectFormat(s, null), make: (n) => '<div'.repeat(n / 4) },
  'HTML_TAGS a\\s+href': { input: '<a then spaces, no href', fn: (s) => detectFormat(s, null), make: (n) => `<a${' '.repeat(n)}x` },
});

group('src/markdown/escape.ts', {
  'ENTITY ^&(?:#[0-9]{1,7};|…)': { input: '&# and digits without ;', fn: escapeInline, make: (n) => '&#1234567'.repeat(n / 9) },
  'ENTITY [A-Za-z][A-Za-z0-9]{1,31};': { input: '& then letters, no ;', fn: escapeInline, make: (n) => `&${'a'.repeat(n)}` },
  'ALNUM / SPACE around * and _': { input: '*_*_ and snake_case runs', fn: escapeInline, make: (n) => 'a_*'.repeat(n / 3) },
  '[A-Za-z/!?] after <': { input: '< runs', fn: escapeInline, make: (n) => '<a'.repeat(n / 2) },
  'BLOCK_START (?:[-*_]\\s*){3,}$': { input: '"_ " runs, then a letter', fn: escapeLine, make: (n) => `${'_ '.repeat(n / 2)}x` },
  'BLOCK_START -+\\s*$ and =+\\s*$': { input: '---- then spaces, then a letter', fn: escapeLine, make: (n) => `${'-'.repeat(n / 2)}${' '.repeat(n / 2)}x` },
  'BLOCK_START \\d{1,9}[.)]': { input: 'digits without . or )', fn: escapeLine, make: (n) => '1'.repeat(n) },
  'digits ^\\d{1,9}(?=[.)])': { input: '9 digits then ., many times', fn: escapeLine, make: (n) => '123456789.'.repeat(n / 10) },
  '(^|\\s)(#+)$': { input: '" #" runs, then a letter', fn: escapeHeading, make: (n) => `${' #'.repeat(n / 2)}x` },
  '(^|\\s)(#+)$ long run': { input: '#### then a letter', fn: escapeHeading, make: (n) => `${'#'.repeat(n)}x` },
  'unescape': { input: 'backslash runs', fn: unescapeMarkdown, make: (n) => '\\'.repeat(n) },
});

group('src/markdown/segment-markdown.ts', {
  'BULLET ^[-+*][ \\t]+(.*)$': { input: '- then spaces and tabs', fn: segmentMarkdown, make: (n) => `# T\n\n-${' \t'.repeat(n / 2)}x` },
  'ORDERED ^\\d{1,9}[.)][ \\t]+(.*)$': { input: '1. then spaces', fn: segmentMarkdown, make: (n) => `# T\n\n1.${' '.repeat(n)}x` },
  'QUOTE ^>[ \\t]?(.*)$': { input: '>>>> runs', fn: segmentMarkdown, make: (n) => `# T\n\n${'>'.repeat(n)}` },
  'EMPTY_COMMENT ^<!--.*-->$': { input: '<!-- --> --> … x', fn: segmentMarkdown, make: (n) => `# T\n\n<!--${'-->'.repeat(n / 3)}x` },
  'inline links [text](url)': { input: '[ runs then ](', fn: parseInline, make: (n) => `${'['.repeat(n)}](` },
  // These three were quadratic (every `[` rescanned the rest of the line for the closing `)` or `>`);
  // fixed in readLink: `<…>` stops at an unescaped `<`, a bare destination at 32 nested `(`.
  'inline links, many almost-links': { input: '[a]( [a]( …', fn: parseInline, make: (n) => '[a]('.repeat(n / 4) },
  'inline links, pointy almost-links': { input: '[a](< [a](< …', fn: parseInline, make: (n) => '[a](<'.repeat(n / 5) },
  'inline links, 32 starts then a long tail': { input: '[a](x ×32, then 100k letters', fn: parseInline, make: (n) => `${'[a](x'.repeat(32)}${'y'.repeat(n)}` },
  'inline links, balanced parentheses': { input: '[a](x() [a](x() …', fn: parseInline, make: (n) => '[a](x()'.repeat(n / 7) },
  'inline ] runs': { input: '] runs', fn: parseInline, make: (n) => `[${']'.repeat(n)}(x` },
  'front matter': { input: '--- then no closing ---', fn: segmentMarkdown, make: (n) => `---\n${'a: b\n'.repeat(n / 5)}` },
});

group('src/render/render-markdown.ts', {
  '[\\s()<>] in a link destination': {
    input: 'a link whose URL is all parentheses',
    fn: (s) => inlineMarkdown('a b', [{ text: 'b', url: s, start: 2 }], false),
    make: (n) => `https://e.example/${'()'.repeat(n / 2)}`,
  },
  'Markdown of a whole article': { input: 'markup characters in a paragraph', fn: (s) => render(parseArticle(s), 'md'), make: (n) => `Titel\n\n${'*_[]`#<>&\\ '.repeat(n / 12)}` },
});

// ---------------------------------------------------------------------------------------------
// src/text, src/normalise, src/classify, src/assemble, src/language (the parsing-rules engineer)

group('src/text/segment-text.ts (linear)', {
  'ENDS_SENTENCE [.!?…]$': { input: 'punctuation runs on long lines', fn: segmentText, make: (n) => `${'.'.repeat(n / 2)}\n${'!'.repeat(n / 2)}` },
  'LIST_MARKER ^(?:[-*•]\\s|\\d{1,3}[.)]\\s|>\\s?)': { input: 'lines of digits and markers', fn: segmentText, make: (n) => '123.\n- \n>\n'.repeat(n / 10) },
  'hard-wrap detection': { input: 'many short lines', fn: segmentText, make: (n) => 'kurze Zeile hier\n'.repeat(n / 17) },
});

group('src/normalise/normalise-text.ts (linear)', {
  'SPACE_RUN [ \\t]{2,}|\\t': { input: 'space and tab runs', fn: (s) => normaliseText(s), make: (n) => `a${' \t'.repeat(n / 2)}b` },
  'SPACE_BEFORE_LATIN  ([,.])(?=…)': { input: '" ," runs', fn: (s) => normaliseText(s), make: (n) => ' ,'.repeat(n / 2) },
  'SPACE_BEFORE_OTHER  ([،؛。，、])': { input: '" ،" runs', fn: (s) => normaliseText(s), make: (n) => ' ،'.repeat(n / 2) },
  'INVISIBLE / CONTROL (global classes)': { input: 'zero-width and control runs', fn: (s) => normaliseText(s), make: (n) => '\u200b\u0001a'.repeat(n / 3) },
  'stutter of one word': { input: 'one word 20,000 times', fn: (s) => normaliseText(s), make: (n) => 'Wort '.repeat(n / 5) },
  'PLAIN_NO_BREAK / other Unicode spaces': { input: 'no-break and ideographic space runs', fn: (s) => normaliseText(s), make: (n) => `a${NBSP.repeat(n / 2)}${IDEO.repeat(n / 2)}b` },
});

describe('src/normalise/normalise-text.ts: TRAILING_PUNCT', () => {
  it('collapseStutters: a token of "," runs between letters', { timeout: 60_000 }, () =>
    check({ input: 'x,,,,…,y', fn: collapseStutters, make: (n) => `a b x${','.repeat(n)}y`, n: 3000 }, 1),
  );
  it('parseArticle: the same token in a paragraph (reachable)', { timeout: 60_000 }, () =>
    check({ input: 'paragraph with x,,,,…,y', fn: (s) => parseArticle(s), make: (n) => `Titel\n\nEin Absatz x${','.repeat(n)}y und mehr.`, n: 6000 }, 1),
  );
});

group('src/normalise/markdown-links.ts (linear)', {
  'URL_START ^(?:https?://|mailto:|/|#|www\\.)': { input: '[a](/x) [a](/x) …', fn: convertMarkdownLinks, make: (n) => '[a](/x) '.repeat(n / 8) },
  'link scan: ]( runs': { input: '](](… with one [', fn: convertMarkdownLinks, make: (n) => `[${']('.repeat(n / 2)}` },
});

describe('src/normalise/markdown-links.ts: linkAt (a scanner, not a regex)', () => {
  it('convertMarkdownLinks: [ runs then ](', { timeout: 60_000 }, () =>
    check({ input: '[[[[…](', fn: convertMarkdownLinks, make: (n) => `${'['.repeat(n)}](`, n: 50_000 }, 1),
  );
  it('convertMarkdownLinks: [a](x repeated, no closing )', { timeout: 60_000 }, () =>
    check({ input: '[a](x [a](x …', fn: convertMarkdownLinks, make: (n) => '[a](x'.repeat(n / 5), n: 400_000 }, 1),
  );
});

group('src/classify/label-line.ts (linear)', {
  'UNKNOWN_LABEL ^(\\p{Lu}[…]{0,39}?)\\s*(?:\\t|:|\\|)\\s*(.*)$': { input: 'capital, spaces, no separator', fn: (s) => readLabelLine(s, BUILTIN_LABELS, 'block'), make: (n) => `A${' '.repeat(n)}x` },
  'UNKNOWN_LABEL with a long value': { input: 'Label: then 100k characters', fn: (s) => readLabelLine(s, BUILTIN_LABELS, 'block'), make: (n) => `Lieu:${' x'.repeat(n / 2)}` },
  'COUNT_VALUE ^(?:\\(\\s*(\\d{1,9})\\s*\\)|:\\s*(\\d{1,9}))$': { input: 'Kommentare ( then spaces', fn: (s) => readLabelLine(s, BUILTIN_LABELS, 'block'), make: (n) => `Kommentare (${' '.repeat(n)}1` },
  // 400k → 1.6M: at 100k → 400k this one-pass case crosses the CPU cache size and jumps ×20 (toLowerCase alone does).
  ':$ in isBlockStart': { input: 'colon runs', fn: (s) => isBlockStart(s, BUILTIN_LABELS), make: (n) => ':'.repeat(n), n: 400_000 },
  'TABLE_SEPARATOR on a table row without -|': { input: 'pipes only', fn: isTableSeparator, make: (n) => '|'.repeat(n) },
});

describe('src/classify/label-line.ts: TABLE_SEPARATOR', () => {
  it('isTableSeparator: | then a run of - then a letter', { timeout: 60_000 }, () =>
    check({ input: '|-----…-x', fn: isTableSeparator, make: (n) => `|${'-'.repeat(n)}x`, n: 5000 }, 1),
  );
  it('parseArticle: the same as the first line (reachable)', { timeout: 60_000 }, () =>
    check({ input: 'first line |---…-x', fn: (s) => parseArticle(s), make: (n) => `|${'-'.repeat(n)}x\n\nTitel\n\nEin Absatz.`, n: 8000 }, 1),
  );
});

describe('src/classify/read-header.ts: PHOTO_CREDIT', () => {
  it('parseArticle: title, teaser, then a line with a long ideographic-space run', { timeout: 60_000 }, () =>
    check({ input: 'Titel / Teaser / x U+3000… y', fn: (s) => parseArticle(s), make: (n) => `Titel\nTeaser\nx${IDEO.repeat(n)}y\n\nEin Absatz.`, n: 3000 }, 1),
  );
  it('parseArticle: a block between the title and its repeat', { timeout: 60_000 }, () =>
    check({ input: 'Titel / x U+3000… y / Titel', fn: (s) => parseArticle(s), make: (n) => `Titel\n\nx${IDEO.repeat(n)}y\n\nTitel\n\nEin Absatz.`, n: 6000 }, 1),
  );
});

group('src/classify/read-header.ts (linear)', {
  'sameTextKey \\s+': { input: 'space runs', fn: sameTextKey, make: (n) => `a${' \t\n'.repeat(n / 3)}b` },
  'two sentences [.!?]\\s+\\S.*[.!?]$ (only on lines ≤ 250 code points)': { input: 'first line ". a. a. a…x"', fn: (s) => parseArticle(s), make: (n) => `${'. a'.repeat(n / 3)}x\n\nEin Absatz.` },
  'LIST_MARKER ^(?:[-*•]\\s|\\d{1,3}[.)]\\s)': { input: 'first line of digits', fn: (s) => parseArticle(s), make: (n) => `${'1'.repeat(n)}.\n\nEin Absatz.` },
});

group('src/classify/classify-body.ts (linear where reachable)', {
  'isHeadingLike (length-bounded before the regexes)': { input: '- then spaces', fn: isHeadingLike, make: (n) => `-${' '.repeat(n)}x` },
  'BULLET ^([-*•▪◦·])\\s+(.+)$ on a paragraph': { input: '- then words', fn: (s) => classifyBody([block('Ein Absatz davor.', 'paragraph'), block(s)], false), make: (n) => `- ${'Wort '.repeat(n / 5)}` },
  'NUMBERED ^(\\d{1,3})[.)]\\s+(.+)$': { input: '1. then spaces and a word', fn: (s) => classifyBody([block(s)], false), make: (n) => `1.${' '.repeat(n)}x` },
  'QUOTE_END / ENDS_LIKE_SENTENCE': { input: 'quote and punctuation runs', fn: (s) => classifyBody([block(s)], false), make: (n) => '."'.repeat(n / 2) },
  'URL_ONLY ^(?:https?://|www\\.)\\S+$': { input: 'a long URL then a space', fn: (s) => classifyBody([block(s)], false), make: (n) => `https://${'a'.repeat(n)} ` },
  'BULLET through parseArticle (U+3000 and U+2028)': { input: '- U+3000… U+2028', fn: (s) => parseArticle(s), make: (n) => `Titel\n\nEin Absatz.\n\n-${IDEO.repeat(n)}\u2028\n\nNoch ein Absatz.` },
});

describe('src/classify/classify-body.ts: BULLET / NUMBERED with a line separator', () => {
  it('classifyBody: - then NBSP run then U+2028', { timeout: 60_000 }, () =>
    check({ input: '- NBSP… U+2028', fn: (s) => classifyBody([block(s)], false), make: (n) => `-${NBSP.repeat(n)}\u2028`, n: 3000 }, 1),
  );
});

group('src/classify/dateline.ts (linear)', {
  'NOT_IN_PLACE / \\p{Lu}{2} on a long prefix': { input: 'capitals then " - "', fn: (s) => splitDateline(s, []), make: (n) => `${'AB '.repeat(n / 3)}- Text hier.` },
  '^\\p{Lu} / ^\\( words': { input: 'Berlin (dpa) (dpa) …', fn: (s) => splitDateline(s, ['Berlin']), make: (n) => `Berlin ${'(dpa) '.repeat(n / 6)}- x` },
});

group('src/assemble/parse-date.ts (linear)', {
  'DMY ^(\\d{1,2})\\.\\s?(\\d{1,2})\\.\\s?(\\d{4})(?:,?\\s*(?:um\\s*)?…)?$': { input: 'date, then spaces', fn: parseDate, make: (n) => `01.02.2025,${' '.repeat(n)}x` },
  'DAY_MONTH_NAME (\\p{L}+)': { input: 'day, long month word', fn: parseDate, make: (n) => `1. ${'a'.repeat(n)} 1` },
  'MONTH_NAME_DAY ^(\\p{L}+)\\.?\\s+': { input: 'long word, spaces', fn: parseDate, make: (n) => `${'a'.repeat(n / 2)}${' '.repeat(n / 2)}x` },
  'ISO': { input: 'ISO date with long fraction', fn: parseDate, make: (n) => `2025-01-02T10:11:12.${'1'.repeat(n)}` },
  'prefix ^(?:am|on|le|il|el)\\s+': { input: 'am then spaces', fn: parseDate, make: (n) => `am${' '.repeat(n)}x` },
});

group('src/assemble/build-metadata.ts (linear; NAME_THEN_URL only runs on ≤ 500 characters)', {
  'URL_WITH_SCHEME ^[a-z][a-z0-9+.-]*:\\/\\/\\S+$': { input: 'scheme characters without ://', fn: (s) => readSource(s, null), make: (n) => `${'a'.repeat(n)}:` },
  'NAME_THEN_URL ^(.+?)\\s*(?:\\(|:\\s|\\s[-–]\\s)…': { input: 'a, spaces, b', fn: (s) => readSource(s, null), make: (n) => `a${' '.repeat(n)}b` },
  'comments \\D (global)': {
    input: 'a long comment count',
    fn: (s) => buildMetadata([{ label: 'Kommentare', entry: BUILTIN_LABELS.fields.find((f) => f.key === 'comments')!, values: [{ text: s }], inline: true, line: 1 }], {}),
    make: (n) => 'x1'.repeat(n / 2),
  },
});

group('src/assemble/stats.ts and src/language (linear)', {
  'split(/\\s+/u), UNSPACED, WORDISH': { input: 'mixed scripts and space runs', fn: countWords, make: (n) => 'ab 漢字 \u00a0 '.repeat(n / 8) },
  'UNSPACED_CHAR (global)': { input: 'CJK sentences', fn: (s) => computeStats([s], 1, 'zh'), make: (n) => `${'中国城市的新港口今天开放了市长说。'.repeat(5)}\n`.repeat(n / 86) },
  'RTL_LETTER / LETTER (global)': { input: 'Arabic and Latin', fn: detectDirection, make: (n) => 'مa'.repeat(n / 2) },
  'detectLanguage': { input: 'one long word', fn: detectLanguage, make: (n) => 'a'.repeat(n) },
});

describe('src/assemble/stats.ts: countWords on a long unspaced run', () => {
  it('countWords: 12,000 vs 48,000 Han characters without punctuation', { timeout: 60_000 }, () =>
    check({ input: 'Han run', fn: countWords, make: (n) => '中国城市的新港口今天开放了市长说'.repeat(n / 16), n: 12_000 }, 1),
  );
});

// ---------------------------------------------------------------------------------------------
// src/html (the HTML engineer) and src/source (the decoding engineer): through their entry points

group('src/html (through segmentHtml; linear)', {
  'comments LIST_CLASS / AUTHOR_CLASS / DATE_CLASS': { input: 'a long class attribute', fn: segmentHtml, make: (n) => page(`<div class="${'commen '.repeat(n / 7)}"><p>Hallo Welt, ein Absatz.</p></div>`) },
  'page-metadata CDATA ]]>\\s*$': { input: 'JSON-LD with ]]> and a space run', fn: segmentHtml, make: (n) => page('<p>Hallo Welt, ein Absatz.</p>', `<script type="application/ld+json">]]>${' '.repeat(n)}x</script>`) },
  'page-metadata split(/[^\\p{L}\\p{N}]+/u)': { input: 'punctuation-only title', fn: segmentHtml, make: (n) => page('<h1>T</h1><p>Hallo Welt, ein Absatz.</p>', `<title>${' -'.repeat(n / 2)}</title>`) },
  'page-metadata rel / lang split': { input: 'long rel and lang', fn: segmentHtml, make: (n) => `<html lang="${'-'.repeat(n / 2)}"><head><link rel="${'a '.repeat(n / 4)}" href="x"></head><body><p>Hallo Welt.</p></body></html>` },
  'boilerplate style \\s+': { input: 'style attribute with a space run', fn: segmentHtml, make: (n) => page(`<div style="${' '.repeat(n)}display:none"><p>Versteckt.</p></div><p>Hallo Welt, ein Absatz.</p>`) },
  'details-block labels and \\s+': { input: 'Details with long values', fn: segmentHtml, make: (n) => page(`<p>Hallo Welt, ein Absatz.</p><h2>Details</h2><dl><dt>Quellen</dt><dd>a${' '.repeat(n)}b</dd></dl><h3>Kommentare (${'1'.repeat(n)}</h3>`) },
  'flatten-nesting [^\\n] (global)': { input: 'deep nesting', fn: segmentHtml, make: (n) => page(`${'<div>'.repeat(n / 5)}<p>Hallo Welt.</p>`) },
  'find-content [\\p{L}\\p{N}]': { input: 'a long paragraph', fn: segmentHtml, make: (n) => page(`<p>${'Wort, '.repeat(n / 6)}</p>`) },
  'boilerplate NEGATIVE_WORD / POSITIVE_WORD': { input: 'a long class attribute of near-misses', fn: segmentHtml, make: (n) => page(`<div class="${'shar cooki artic '.repeat(n / 17)}"><p>Hallo Welt, ein Absatz.</p></div>`) },
  'text-stats SPACE_RUN / COMMA (global)': { input: 'whitespace runs and commas', fn: segmentHtml, make: (n) => page(`<p>${'Wort,\n\t  \r '.repeat(n / 10)}</p>`) },
});

group('src/source and src/parse-article.ts (linear)', {
  'mojibake UNASSIGNED_OR_PRIVATE / LETTER / SUSPICIOUS_PAIR': { input: 'Ã¼ runs', fn: repairMojibake, make: (n) => 'Ã¼'.repeat(n / 2) },
  'mojibake SUSPICIOUS_PAIR (global), lead runs': { input: 'lead characters without continuations', fn: repairMojibake, make: (n) => 'Ã'.repeat(n) },
  'codec C1_CHAR (global)': { input: 'C1 bytes in windows-1252', fn: (s) => parseArticle(Buffer.from(s, 'latin1'), { encoding: 'windows-1252' }), make: (n) => `Titel\n\n${'a\u0080'.repeat(n / 2)}` },
  'plausibility \\p{L} \\p{M} \\p{Lu} \\p{Ll}': { input: 'legacy bytes to detect', fn: (s) => parseArticle(Buffer.from(s, 'latin1')), make: (n) => `Titel\n\n${'Gr\u00fc\u00dfe aus K\u00f6ln. '.repeat(n / 18)}` },
  'line ends \\r\\n?': { input: 'CR runs', fn: (s) => parseArticle(s), make: (n) => `Titel\r\n\r\n${'Zeile\r'.repeat(n / 6)}` },
});
