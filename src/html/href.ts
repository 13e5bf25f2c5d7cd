/** Which link targets are worth keeping. */

/**
 * The href to keep for a link, or `null` when it leads nowhere a reader could follow (a script
 * call, an empty fragment, inline data).
 */
export function usableHref(href: string | undefined): string | null {
  if (href === undefined) return null;
  const h = href.trim();
  if (h === '' || h === '#') return null;
  const lower = h.slice(0, 11).toLowerCase();
  if (lower.startsWith('javascript:') || lower.startsWith('vbscript:') || lower.startsWith('data:')) return null;
  return h;
}
