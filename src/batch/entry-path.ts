/**
 * Checking archive entry names before they become output paths: an entry may name a place
 * outside the output folder (`../x`, `/etc/x`, `C:\x`), which is refused, never cleaned up.
 */

/** A usable entry name, or why it is refused. */
export type EntryPathCheck = { ok: true; path: string } | { ok: false; message: string };

/** True for a `C:` style drive prefix. */
function hasDrive(name: string): boolean {
  const c = name.charCodeAt(0);
  const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return letter && name[1] === ':';
}

/**
 * Check an archive entry's name. Backslashes count as separators (archives made on Windows), so
 * `..\x` is refused like `../x`. Empty and `.` segments are dropped; `..` anywhere is refused.
 */
export function checkEntryPath(name: string): EntryPathCheck {
  if (name.includes('\0')) return { ok: false, message: 'entry name contains a NUL byte' };
  const slashed = name.replaceAll('\\', '/');
  if (slashed.startsWith('/')) return { ok: false, message: `absolute entry path "${name}" refused` };
  if (hasDrive(slashed)) return { ok: false, message: `entry path with a drive letter "${name}" refused` };
  const parts: string[] = [];
  for (const part of slashed.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') return { ok: false, message: `entry path "${name}" leaves the archive folder ("..") and is refused` };
    parts.push(part);
  }
  if (parts.length === 0) return { ok: false, message: `empty entry path "${name}" refused` };
  return { ok: true, path: parts.join('/') };
}

/** The lower-case extension of a `/`-separated path's last segment, with the dot, or `''`. */
export function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot);
}

const ARTICLE_EXTENSIONS = new Set(['', '.txt', '.text', '.html', '.htm', '.xhtml', '.shtml', '.md', '.markdown', '.mdown', '.mkd']);

/** True when a file found in a folder or archive looks like an article by its extension (none counts). */
export function isArticleName(path: string): boolean {
  return ARTICLE_EXTENSIONS.has(extensionOf(path));
}

/** The kind of archive a file name names, or `null`. */
export function archiveKind(path: string): 'zip' | 'tar' | 'tgz' | null {
  const lower = path.toLowerCase();
  if (lower.endsWith('.zip')) return 'zip';
  if (lower.endsWith('.tar')) return 'tar';
  if (lower.endsWith('.tar.gz') || lower.endsWith('.tgz')) return 'tgz';
  return null;
}

const GLOB_CHARACTERS = new Set(['*', '?', '[', ']', '{', '}']);

/** A quick test for glob syntax, to tell a batch from a one-file command without loading the glob library. */
export function looksLikeGlob(input: string): boolean {
  for (const c of input) if (GLOB_CHARACTERS.has(c)) return true;
  return false;
}
