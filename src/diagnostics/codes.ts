/**
 * Diagnostics: every repair and every problem, as data.
 *
 * A stage never prints and never throws for bad input; it returns diagnostics with a code, a
 * severity and a 1-based line of the original input where one is known. `error` means the input
 * could not be turned into an article (the CLI then fails that input).
 */

export type Severity = 'error' | 'warning' | 'info';

/** All diagnostic codes, with their fixed severity and a one-line description for the docs. */
export const DIAGNOSTIC_CODES = {
  // decoding
  BOM_REMOVED: ['info', 'A byte-order mark was removed.'],
  ENCODING_DETECTED: ['info', 'The input was not UTF-8; its legacy encoding was detected.'],
  ENCODING_DECLARED: ['info', "The saved page's declared charset was used to decode it."],
  ENCODING_UNCERTAIN: ['warning', 'The encoding detector was not sure of its answer.'],
  INVALID_BYTES: ['warning', 'Bytes that are invalid in the encoding were replaced by U+FFFD.'],
  MOJIBAKE_REPAIRED: ['info', 'UTF-8 that had been misread as windows-1252/latin-1 was repaired.'],
  LINE_ENDINGS_NORMALISED: ['info', 'CRLF or CR line ends were turned into LF.'],
  // input problems that stop the article
  EMPTY_INPUT: ['error', 'The input is empty or only whitespace.'],
  NOT_TEXT: ['error', 'The input is binary, not text.'],
  INPUT_TOO_LARGE: ['error', 'The input is larger than the size limit.'],
  NO_ARTICLE: ['error', 'No article content was found.'],
  // text clean-ups
  INVISIBLE_CHARACTERS_REMOVED: ['info', 'Zero-width characters, soft hyphens or stray BOMs were removed.'],
  CONTROL_CHARACTERS_REMOVED: ['info', 'Control characters were removed.'],
  SPACES_COLLAPSED: ['info', 'Runs of spaces were collapsed to one.'],
  STUTTER_COLLAPSED: ['info', 'A word repeated three or more times in a row was collapsed to one.'],
  SPACE_BEFORE_PUNCTUATION_REMOVED: ['info', 'A space before a comma or full stop was removed.'],
  MARKDOWN_LINK_CONVERTED: ['info', 'A Markdown link in the text became plain text with its URL kept.'],
  LINES_UNWRAPPED: ['info', 'Hard-wrapped lines were joined into paragraphs.'],
  // structure
  DUPLICATE_TITLE_REMOVED: ['info', 'The title was printed more than once; the repeat was removed.'],
  TEASER_REPEAT_REMOVED: ['info', 'A repeat of the teaser was removed.'],
  TEASER_VARIANT_REMOVED: ['info', 'A teaser in another language (the template original) was removed.'],
  PHOTO_CREDIT_REMOVED: ['info', 'A photo credit such as "(Symbolbild/MND)" was removed from a template line.'],
  DUPLICATE_BLOCK_REMOVED: ['info', 'A paragraph printed twice in a row was removed.'],
  DATELINE_SPLIT: ['info', 'The dateline was split off the lede.'],
  DATELINE_MISMATCH: ['warning', 'The dateline differs from the metadata location.'],
  MISSING_TITLE: ['warning', 'No title was found.'],
  EMPTY_BODY: ['warning', 'The article has no body text.'],
  TABLE_SEPARATOR_DROPPED: ['info', 'A Markdown table separator line was dropped.'],
  // metadata
  METADATA_BLOCK_FOUND: ['info', 'A labelled metadata block was read.'],
  NO_METADATA_BLOCK: ['info', 'No labelled metadata block was found.'],
  LABEL_VALUE_SPLIT: ['info', 'A label glued to its value was split (e.g. "OrtUkraine").'],
  TEMPLATE_LINE_MOVED: ['info', 'A site template line inside the article was moved to the metadata.'],
  UNKNOWN_LABEL: ['info', 'A labelled field with a label not in the table was kept in metadata.fields.'],
  DATE_UNREADABLE: ['warning', 'A date field could not be read as a date.'],
  TRAILING_TEXT_DROPPED: ['warning', 'Text after the metadata block was dropped.'],
  BOILERPLATE_DROPPED: ['info', 'Page furniture (menus, cookie notices, share bars, footers) was dropped.'],
  // html
  HTML_TITLE_RECONCILED: ['info', 'The page title and the article heading were reconciled.'],
  LANGUAGE_MISMATCH: ['warning', 'The declared language differs from the detected one.'],
} as const satisfies Record<string, readonly [Severity, string]>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

/** A repair made or a problem found. */
export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  /** 1-based line in the decoded input, or `null` when the diagnostic is not tied to a line. */
  line: number | null;
  message: string;
}

/** Make a diagnostic with the code's fixed severity. */
export function diagnostic(code: DiagnosticCode, message: string, line: number | null = null): Diagnostic {
  return { code, severity: DIAGNOSTIC_CODES[code][0], line, message };
}

/** True when any diagnostic is an error (the input produced no usable article). */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
