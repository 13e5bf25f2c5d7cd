/**
 * Choosing the article title: the declared metadata title when the page has one, else the
 * `<title>` with the site name cut off (` | Site`, ` - Site`, `Site » …`), checked against the
 * page's headings, else the first `<h1>`.
 */

/** Separators between a title and a site name, each with a space on both sides. */
const SEPARATORS = [' | ', ' - ', ' – ', ' — ', ' :: ', ' » ', ' « ', ' / ', ' · ', ' • ', ' ~ '];
/** A cut-down title shorter than this (in words) is too short to trust: the whole title is kept. */
const MIN_WORDS = 4;

function words(s: string): number {
  const t = s.trim();
  return t === '' ? 0 : t.split(/\s+/).length;
}

function loose(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Split a `<title>` at its separators; returns the parts and the separators between them. */
function splitTitle(title: string): { parts: string[]; seps: string[] } {
  const parts: string[] = [];
  const seps: string[] = [];
  let from = 0;
  for (let i = 0; i < title.length; i++) {
    for (const sep of SEPARATORS) {
      if (title.startsWith(sep, i)) {
        parts.push(title.slice(from, i));
        seps.push(sep);
        from = i + sep.length;
        i = from - 1;
        break;
      }
    }
  }
  parts.push(title.slice(from));
  return { parts, seps };
}

function join(parts: string[], seps: string[], from: number, to: number): string {
  let s = parts[from] ?? '';
  for (let i = from + 1; i < to; i++) s += (seps[i - 1] ?? ' ') + (parts[i] ?? '');
  return s.trim();
}

/**
 * Cut the site name off a document title. `headings` are the page's `<h1>`/`<h2>` texts: a
 * heading equal to the whole title, or to a run of its parts, wins.
 */
export function cleanDocumentTitle(title: string, headings: readonly string[]): string {
  const t = title.trim();
  const heads = new Set(headings.map(loose));
  if (heads.has(loose(t))) return t;
  const { parts, seps } = splitTitle(t);
  if (parts.length < 2) return t;
  // A run of parts equal to a heading.
  for (let from = 0; from < parts.length; from++) {
    for (let to = parts.length; to > from; to--) {
      if (from === 0 && to === parts.length) continue;
      const cand = join(parts, seps, from, to);
      if (heads.has(loose(cand))) return cand;
    }
  }
  // Drop the last part (`Title | Site`); if too short, try dropping the first (`Site | Title`).
  const head = join(parts, seps, 0, parts.length - 1);
  if (words(head) >= MIN_WORDS) return head;
  const tail = join(parts, seps, 1, parts.length);
  if (words(tail) >= MIN_WORDS) return tail;
  return t;
}

/** Pick the title from what the page offers. */
export function chooseTitle(metaTitle: string | undefined, documentTitle: string | undefined, h1s: readonly string[], headings: readonly string[]): string | undefined {
  if (metaTitle) return metaTitle;
  if (documentTitle) return cleanDocumentTitle(documentTitle, headings);
  return h1s[0];
}
