/**
 * Choosing the article title: the declared metadata title when the page has one, else the
 * `<title>` with the site name cut off (` | Site`, ` - Site`, `Site » …`), checked against the
 * page's headings, else the first `<h1>`.
 */

/** Separators between a title and a site name, each with a space on both sides. */
const SEPARATORS = [' | ', ' - ', ' – ', ' :: ', ' » ', ' / ', ' \\ ', ' > ', ' · ', ' • '];
/** Fewer words than this left after cutting the last part: cut the first part instead. */
const MIN_KEPT = 3;
/** A cut title this short (in words) could be a site or section name: keep the whole title. */
const MAX_AMBIGUOUS = 4;

function words(s: string): number {
  const t = s.trim();
  return t === '' ? 0 : t.split(/\s+/).length;
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
 * Cut the site name off a document title: the part after the last separator goes (`Title | Site`);
 * when fewer than `MIN_KEPT` words would remain, the first part goes instead (`Site | Title`).
 * A result of `MAX_AMBIGUOUS` words or fewer cannot be told from a site or section name, so the
 * whole title is kept then (`Mozilla - Wikipedia`).
 */
export function cleanDocumentTitle(title: string): string {
  const t = title.trim();
  const { parts, seps } = splitTitle(t);
  if (parts.length < 2) return t;
  let cut = join(parts, seps, 0, parts.length - 1);
  if (words(cut) < MIN_KEPT) cut = join(parts, seps, 1, parts.length);
  return words(cut) <= MAX_AMBIGUOUS ? t : cut;
}

/** Pick the title from what the page offers. */
export function chooseTitle(metaTitle: string | undefined, documentTitle: string | undefined, h1s: readonly string[]): string | undefined {
  if (metaTitle) return metaTitle;
  if (documentTitle) return cleanDocumentTitle(documentTitle);
  return h1s[0];
}
