/**
 * Fixture discovery: every input under fixtures/ (`.txt`, `.html`, `.md` not ending in `.expected.md`)
 * with its expected `<stem>.json` (and `<stem>.expected.md` where it matters).
 */

import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArticle, type Article } from '../../src/index.js';

export const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');
const INPUT = /\.(?:txt|html|htm|md)$/u;

export interface Fixture {
  /** File name of the input, e.g. `de-hamburg-hafen.txt`. */
  name: string;
  /** Path relative to the repository root, as the Article's source.path records it. */
  relative: string;
  input: Uint8Array;
  expectedJson: string | null;
  expectedMd: string | null;
  jsonPath: string;
  mdPath: string;
  labels?: string;
}

export function stemOf(name: string): string {
  return name.replace(/\.(?:txt|html|htm|md)$/u, '');
}

export function listFixtures(): Fixture[] {
  return readdirSync(FIXTURES)
    .filter((n) => INPUT.test(n) && !n.endsWith('.expected.md'))
    .sort()
    .map((name) => {
      const stem = stemOf(name);
      const jsonPath = join(FIXTURES, `${stem}.json`);
      const mdPath = join(FIXTURES, `${stem}.expected.md`);
      return {
        name,
        relative: `fixtures/${name}`,
        input: readFileSync(join(FIXTURES, name)),
        expectedJson: existsSync(jsonPath) ? readFileSync(jsonPath, 'utf8') : null,
        expectedMd: existsSync(mdPath) ? readFileSync(mdPath, 'utf8') : null,
        jsonPath,
        mdPath,
      };
    });
}

/** Parse a fixture the way the CLI would for `article-parse fixtures/<name>`. */
export function parseFixture(f: Fixture): Article {
  return parseArticle(f.input, { path: f.relative });
}
