/**
 * Loads the HTML tokenizer (htmlparser2's, which comes with cheerio) on first use only,
 * synchronously, so a run over text or Markdown files never pays for it.
 */

import { createRequire } from 'node:module';

/** What the tokenizer reports: offsets into the one string it was given. */
export interface TokenizerCallbacks {
  onattribdata(start: number, endIndex: number): void;
  onattribentity(codepoint: number): void;
  onattribend(quote: number, endIndex: number): void;
  onattribname(start: number, endIndex: number): void;
  oncdata(start: number, endIndex: number, endOffset: number): void;
  onclosetag(start: number, endIndex: number): void;
  oncomment(start: number, endIndex: number, endOffset: number): void;
  ondeclaration(start: number, endIndex: number): void;
  onend(): void;
  onopentagend(endIndex: number): void;
  onopentagname(start: number, endIndex: number): void;
  onprocessinginstruction(start: number, endIndex: number): void;
  onselfclosingtag(endIndex: number): void;
  ontext(start: number, endIndex: number): void;
  ontextentity(codepoint: number, endIndex: number): void;
}

/** The tokenizer: `write` the whole page once, then `end`. */
export interface Tokenizer {
  write(chunk: string): void;
  end(): void;
}

type TokenizerClass = new (options: { xmlMode: boolean; decodeEntities: boolean }, cbs: TokenizerCallbacks) => Tokenizer;

let cached: TokenizerClass | null = null;

/** A new HTML tokenizer (entities decoded) reporting to `cbs`. */
export function createTokenizer(cbs: TokenizerCallbacks): Tokenizer {
  if (!cached) cached = (createRequire(import.meta.url)('htmlparser2') as { Tokenizer: TokenizerClass }).Tokenizer;
  return new cached({ xmlMode: false, decodeEntities: true }, cbs);
}
