/**
 * A minimal, structural view of the parsed page's nodes (cheerio's parser makes them; the fields
 * are those of domhandler's nodes), and small helpers over it. The HTML segmenter only reads these fields, so it does not depend on the
 * parser's own types, and every walk here is iterative: a page nested 100,000 deep must not
 * overflow the call stack.
 */

/** One parsed node: an element, a text node, a comment, a directive or the document root. */
export interface DomNode {
  /** `tag`, `script`, `style` for elements; `text`, `comment`, `cdata`, `directive`, `root`. */
  type: string;
  parent: DomNode | null;
  children?: DomNode[] | undefined;
  /** Lower-case tag name, for elements. */
  name?: string | undefined;
  attribs?: Record<string, string> | undefined;
  /** Character data, for text and comment nodes. */
  data?: string | undefined;
  /** Offset of the node's start in the parsed source (UTF-16 code units), when known. */
  startIndex?: number | null;
}

/** True for element nodes (domhandler gives `<script>` and `<style>` their own types). */
export function isElement(node: DomNode): boolean {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

/** True for text nodes (CDATA sections, as met in XHTML, count as text). */
export function isText(node: DomNode): boolean {
  return node.type === 'text' || node.type === 'cdata';
}

/** The tag name of an element, lower case (the parser lower-cases names), or `''` for other nodes. */
export function tagName(node: DomNode): string {
  return isElement(node) ? (node.name ?? '') : '';
}

/** An attribute's value, or `undefined`. */
export function attr(node: DomNode, name: string): string | undefined {
  return node.attribs?.[name];
}

/** The children of a node (an empty array for leaves). */
export function childrenOf(node: DomNode): readonly DomNode[] {
  return node.children ?? [];
}

/** The text of a text node; CDATA sections keep theirs in a child text node. */
export function textData(node: DomNode): string {
  if (node.type === 'text') return node.data ?? '';
  if (node.type === 'cdata') return (node.children ?? []).map((c) => c.data ?? '').join('');
  return '';
}

/**
 * Visit `root` and its descendants in document order, without recursion. `visit` returns `false`
 * to skip a node's subtree.
 */
export function walk(root: DomNode, visit: (node: DomNode) => boolean | void): void {
  const stack: DomNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as DomNode;
    if (visit(node) === false) continue;
    const kids = node.children;
    if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as DomNode);
  }
}

/** The first descendant element (in document order) for which `test` holds, or `null`. */
export function findFirst(root: DomNode, test: (el: DomNode) => boolean): DomNode | null {
  let found: DomNode | null = null;
  walk(root, (n) => {
    if (found) return false;
    if (n !== root && isElement(n) && test(n)) {
      found = n;
      return false;
    }
    return undefined;
  });
  return found;
}

/** Every descendant element for which `test` holds, in document order. */
export function findAll(root: DomNode, test: (el: DomNode) => boolean): DomNode[] {
  const out: DomNode[] = [];
  walk(root, (n) => {
    if (n !== root && isElement(n) && test(n)) out.push(n);
  });
  return out;
}

/** True when `node` is `ancestor` or lies inside it. */
export function isInside(node: DomNode, ancestor: DomNode): boolean {
  for (let n: DomNode | null = node; n; n = n.parent) if (n === ancestor) return true;
  return false;
}

/** ASCII whitespace as HTML defines it (no-break spaces are text, not whitespace). */
export function isHtmlSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d;
}

/** Collapse runs of HTML whitespace to one space and trim the ends. Linear, no regex. */
export function collapseSpaces(s: string): string {
  let out = '';
  let pending = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isHtmlSpace(c)) {
      pending = out.length > 0;
      continue;
    }
    if (pending) out += ' ';
    pending = false;
    out += s[i];
  }
  return out;
}

/**
 * The plain text of a subtree with whitespace collapsed (`<br>` and block boundaries become a
 * space). `skip` may exclude subtrees (scripts, hidden nodes).
 */
export function plainText(root: DomNode, skip?: (el: DomNode) => boolean): string {
  const parts: string[] = [];
  walk(root, (n) => {
    if (isElement(n)) {
      if (n !== root && skip?.(n)) return false;
      const t = tagName(n);
      if (t === 'script' || t === 'style' || t === 'template' || t === 'noscript') return false;
      if (t === 'br' || t === 'p' || t === 'div' || t === 'li' || t === 'td' || t === 'th') parts.push(' ');
      return undefined;
    }
    if (isText(n)) parts.push(textData(n));
    return undefined;
  });
  return collapseSpaces(parts.join(''));
}
