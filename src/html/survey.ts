/**
 * One walk over the whole parsed page that collects what the later stages look up by tag or by
 * class: the `<meta>`/`<link>` elements, the JSON-LD scripts, the first `<title>`, `<html>` and
 * `<body>`, the `<h1>`/`<h2>` headings and the first element named as a comment list. Each of
 * those used to be its own walk over every node.
 */

import { attr, type DomNode } from './dom.js';
import { isCommentList } from './comments.js';

/** What the survey found; lists are in document order. */
export interface PageSurvey {
  metaAndLinks: DomNode[];
  /** `<script>` elements whose `type` names JSON-LD. */
  jsonLdScripts: DomNode[];
  title: DomNode | null;
  html: DomNode | null;
  body: DomNode | null;
  /** `<h1>` and `<h2>` elements. */
  headings: DomNode[];
  /** The first element whose class or id names a comment list (see comments.ts). */
  commentList: DomNode | null;
}

/** Walk every element of `doc` once, in document order, without recursion. */
export function surveyPage(doc: DomNode): PageSurvey {
  const survey: PageSurvey = { metaAndLinks: [], jsonLdScripts: [], title: null, html: null, body: null, headings: [], commentList: null };
  const stack: DomNode[] = [];
  const top = doc.children ?? [];
  for (let i = top.length - 1; i >= 0; i--) stack.push(top[i] as DomNode);
  while (stack.length > 0) {
    const n = stack.pop() as DomNode;
    const type = n.type;
    if (type !== 'tag' && type !== 'script' && type !== 'style') continue; // no element lies below a text, comment or CDATA node
    const t = n.name ?? '';
    if (t === 'meta' || t === 'link') survey.metaAndLinks.push(n);
    else if (t === 'h1' || t === 'h2') survey.headings.push(n);
    else if (t === 'script') {
      if ((attr(n, 'type') ?? '').toLowerCase().includes('ld+json')) survey.jsonLdScripts.push(n);
    } else if (t === 'title') survey.title ??= n;
    else if (t === 'html') survey.html ??= n;
    else if (t === 'body') survey.body ??= n;
    if (survey.commentList === null && isCommentList(n)) survey.commentList = n;
    const kids = n.children;
    if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as DomNode);
  }
  return survey;
}
