import { readFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { segmentHtml } from '../src/html/segment-html.js';
import type { SourceBlock } from '../src/article/blocks.js';

const EXAMPLE = new URL('../../shared/examples/de-hamburg-hafen', import.meta.url).pathname;

function body(blocks: SourceBlock[]): SourceBlock[] {
  return blocks.filter((b) => b.hint !== 'metadata');
}

function page(lang: string, title: string, article: string, extra = ''): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${title} | Site</title></head>
<body><header><nav><ul><li><a href="/">Home</a></li><li><a href="/a">Politics</a></li><li><a href="/b">Sport</a></li></ul></nav></header>
<main><article><h1>${title}</h1>
${article}
</article>${extra}</main>
<footer><a href="/imprint">Imprint</a> <a href="/privacy">Privacy</a></footer></body></html>`;
}

describe('segmentHtml: the Hamburg example', () => {
  const hasExample = existsSync(`${EXAMPLE}.html`);
  it.skipIf(!hasExample)('gives the paragraphs and headings of the text version, and nothing else', () => {
    const html = readFileSync(`${EXAMPLE}.html`, 'utf8');
    const txt = readFileSync(`${EXAMPLE}.txt`, 'utf8');
    const { blocks, hints } = segmentHtml(html);
    const b = body(blocks);
    expect(b[0]).toMatchObject({ hint: 'title', text: 'Hamburger Hafen: Neue Containerbrücken sollen Wartezeiten verkürzen' });
    // The h2 that repeats the title is kept as a heading: the classifier drops it with a diagnostic.
    expect(b[1]).toMatchObject({ hint: 'heading', level: 2, text: b[0]!.text });
    const txtBody = txt.split('\n\nDetails\n')[0]!.split(/\n\n+/).map((s) => s.trim()).filter(Boolean);
    expect(b.map((x) => x.text.replace(/\u00a0/g, ' '))).toEqual(txtBody);
    expect(b.filter((x) => x.hint === 'heading').map((x) => x.text)).toEqual([
      b[0]!.text,
      'Kritik von Umweltverbänden',
      'Wie geht es weiter?',
    ]);
    const all = blocks.map((x) => x.text).join('\n');
    for (const junk of ['Startseite', 'Cookies', 'Symbolbild', 'Anzeige', 'Teilen', 'WhatsApp', 'Bremerhaven', 'Impressum', 'Zum Inhalt', 'Endlich passiert']) {
      expect(all).not.toContain(junk);
    }
    expect(hints).toMatchObject({
      title: 'Hamburger Hafen: Neue Containerbrücken sollen Wartezeiten verkürzen',
      teaser: expect.stringContaining('Vier neue Containerbrücken'),
      language: 'de',
    });
    expect(hints.commentList).toEqual([
      { author: 'Jens K.', date: '2025-06-03T09:12', text: 'Endlich passiert etwas am Burchardkai.' },
      { author: 'M. Brandt', date: '2025-06-03T11:40', text: 'Und wer bezahlt die Bahnanbindung?' },
    ]);
  });

  it.skipIf(!hasExample)('puts the details block last, in the lines the metadata reader expects', () => {
    const { blocks } = segmentHtml(readFileSync(`${EXAMPLE}.html`, 'utf8'));
    const meta = blocks.filter((b) => b.hint === 'metadata');
    expect(blocks.slice(-meta.length)).toEqual(meta);
    expect(meta.map((b) => b.text)).toEqual([
      'Details',
      'Ort\tHamburg, Deutschland',
      'Quellen',
      'Hafenbehörde Hamburg',
      'https://presse.hafen.example/containerbruecken-2025',
      'Kommentare (2)',
    ]);
    expect(meta[4]!.links).toEqual([
      { text: 'https://presse.hafen.example/containerbruecken-2025', url: 'https://presse.hafen.example/containerbruecken-2025', start: 0 },
    ]);
  });

  it.skipIf(!hasExample)('gives each block the line of its element', () => {
    const html = readFileSync(`${EXAMPLE}.html`, 'utf8');
    const lines = html.split('\n');
    const { blocks } = segmentHtml(html);
    const crit = blocks.find((b) => b.text === 'Kritik von Umweltverbänden')!;
    expect(lines[crit.line - 1]).toContain('<h2>Kritik von Umweltverbänden</h2>');
  });
});

describe('segmentHtml: structure', () => {
  const prose = (n: number, lang = 'en') =>
    Array.from({ length: n }, (_, i) =>
      lang === 'fr'
        ? `<p>Le conseil municipal a voté, après un long débat, la rénovation du quartier numéro ${i}, qui durera trois ans, selon la mairie.</p>`
        : `<p>The council voted, after a long debate, to renew district number ${i}, which will take three years, the mayor said on Monday.</p>`,
    ).join('\n');

  it('keeps headings with levels, lists, quotes and links with code-point offsets', () => {
    const html = page('en', 'Leeds opens a new public library', `${prose(3)}
<h2>A building for all</h2>
<p>Entry is free for 😀 everyone, says <a href="https://leeds.example/council">the council</a>, which runs it.</p>
<h3>Hours</h3>
<ol><li>Monday to Friday, 8 to 20</li><li>Saturday, 10 to 16</li></ol>
<blockquote><p>We built it for the whole city, and the city came.</p></blockquote>`);
    const { blocks, hints } = segmentHtml(html);
    expect(hints.title).toBe('Leeds opens a new public library');
    expect(hints.language).toBe('en');
    expect(blocks[0]).toMatchObject({ hint: 'title', text: 'Leeds opens a new public library' });
    expect(blocks.find((b) => b.text === 'A building for all')).toMatchObject({ hint: 'heading', level: 2 });
    expect(blocks.find((b) => b.text === 'Hours')).toMatchObject({ hint: 'heading', level: 3 });
    const items = blocks.filter((b) => b.hint === 'listItem');
    expect(items.map((b) => b.text)).toEqual(['Monday to Friday, 8 to 20', 'Saturday, 10 to 16']);
    expect(items.every((b) => b.ordered === true && b.listId === items[0]!.listId)).toBe(true);
    expect(blocks.find((b) => b.hint === 'quote')?.text).toBe('We built it for the whole city, and the city came.');
    const linked = blocks.find((b) => b.links)!;
    expect(linked.links).toEqual([{ text: 'the council', url: 'https://leeds.example/council', start: 35 }]);
    expect([...linked.text].slice(35, 46).join('')).toBe('the council');
    expect(blocks.map((b) => b.text).join(' ')).not.toMatch(/Home|Politics|Imprint/);
  });

  it('reads French and Arabic pages with their language and direction', () => {
    const fr = segmentHtml(page('fr-FR', 'Lyon : la Fête des lumières', prose(4, 'fr')));
    expect(fr.hints.language).toBe('fr');
    expect(fr.blocks.filter((b) => b.hint === 'paragraph')).toHaveLength(4);
    const ar = segmentHtml(`<html lang="ar" dir="rtl"><head><title>الرباط: افتتاح محطة</title></head><body><article><h1>الرباط: افتتاح محطة</h1>
<p>افتتحت في الرباط أكبر محطة لتحلية مياه البحر في المغرب، وهي تنتج ما يكفي لمليون ساكن، حسب الوزارة.</p>
<p>وقالت الوزارة إن المحطة ستعمل بالطاقة المتجددة، وإن مشاريع مماثلة قيد الدراسة في مدن أخرى.</p></article></body></html>`);
    expect(ar.hints).toMatchObject({ language: 'ar', direction: 'rtl', title: 'الرباط: افتتاح محطة' });
    expect(ar.blocks.filter((b) => b.hint === 'paragraph')).toHaveLength(2);
  });

  it('reads metadata: og, JSON-LD, canonical, <time>', () => {
    const html = `<html lang="de-DE"><head><title>Kiel: Fähranleger wird erneuert - Die Nachrichten</title>
<meta property="og:site_name" content="Die Nachrichten"><link rel="canonical" href="https://n.example/kiel">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"Kiel: Fähranleger wird erneuert","datePublished":"2025-05-01T08:00:00+02:00","dateModified":"2025-05-02","author":{"@type":"Person","name":"Anna Berg"}}]}</script>
</head><body><article>${prose(3)}</article></body></html>`;
    const { hints } = segmentHtml(html);
    expect(hints).toMatchObject({
      title: 'Kiel: Fähranleger wird erneuert',
      siteName: 'Die Nachrichten',
      canonicalUrl: 'https://n.example/kiel',
      published: '2025-05-01T08:00:00+02:00',
      modified: '2025-05-02',
      author: 'Anna Berg',
      language: 'de',
    });
  });

  it('drops scripts, hidden nodes, share bars, related lists and captions inside the article', () => {
    const html = page('en', 'A quiet story', `${prose(3)}
<script>document.write('evil')</script><style>p{}</style>
<p hidden>Hidden text</p><div style="display: none">Invisible text</div>
<div class="share-bar"><a href="#">Facebook</a> <a href="#">Twitter</a></div>
<figure><img src="x.jpg"><figcaption>A caption line</figcaption></figure>
<ul class="related"><li><a href="/1">Another story one</a></li><li><a href="/2">Another story two</a></li></ul>
${prose(2)}`);
    const text = segmentHtml(html).blocks.map((b) => b.text).join('\n');
    for (const junk of ['evil', 'Hidden', 'Invisible', 'Facebook', 'caption', 'Another story']) expect(text).not.toContain(junk);
    expect(segmentHtml(html).blocks.filter((b) => b.hint === 'paragraph')).toHaveLength(5);
  });
});

describe('segmentHtml: robustness', () => {
  it('survives 100,000-deep nesting in linear time', () => {
    const nested = (n: number) => `<html><body>${'<div>'.repeat(n)}<p>Deep inside, the text of the article is still here, and it is long enough to count.</p>${'</div>'.repeat(n)}</body></html>`;
    const time = (html: string) => {
      const t0 = performance.now();
      segmentHtml(html);
      return performance.now() - t0;
    };
    time(nested(1000)); // warm up
    const small = Math.max(time(nested(25_000)), 20);
    const big = time(nested(100_000));
    // Four times the input must not cost much more than four times the time (quadratic would be 16).
    expect(big / small).toBeLessThan(10);
    const { blocks } = segmentHtml(nested(100_000));
    expect(blocks.map((b) => b.text)).toContain('Deep inside, the text of the article is still here, and it is long enough to count.');
    const unclosed = segmentHtml(`<body>${'<div><span>'.repeat(100_000)}word`);
    expect(unclosed.blocks.length).toBeLessThanOrEqual(1);
  });

  it('gives no body blocks for a page without an article', () => {
    const html = `<html><head><title>Login</title></head><body><nav><a href="/">Home</a> <a href="/x">News</a></nav>
<form><label>Name</label><input name="u"><button>Go</button></form><footer>© 2025</footer></body></html>`;
    expect(segmentHtml(html).blocks).toEqual([]);
    expect(segmentHtml('').blocks).toEqual([]);
  });

  it('reads malformed HTML, XHTML and framesets without throwing', () => {
    const malformed = segmentHtml('<p>First paragraph of the story, which has no end tag, goes on and on.<p>Second paragraph <b>bold <i>both</b> italic</i> and more words here.');
    expect(malformed.blocks.map((b) => b.text)).toEqual([
      'First paragraph of the story, which has no end tag, goes on and on.',
      'Second paragraph bold both italic and more words here.',
    ]);
    const xhtml = segmentHtml(`<?xml version="1.0" encoding="utf-8"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="it"><head><title>Titolo</title></head><body><div><p>Il consiglio comunale ha approvato, dopo un lungo dibattito, il nuovo piano.<br/>Seconda riga.</p></div></body></html>`);
    expect(xhtml.hints.language).toBe('it');
    expect(xhtml.blocks.map((b) => b.text)).toEqual(['Il consiglio comunale ha approvato, dopo un lungo dibattito, il nuovo piano. Seconda riga.']);
    expect(() => segmentHtml('<frameset><frame src="a.html"><frame src="b.html"></frameset>')).not.toThrow();
  });
});

describe('segmentHtml: title', () => {
  const withTitle = (title: string, headMeta = '') =>
    segmentHtml(`<html><head><title>${title}</title>${headMeta}</head><body><p>Some text that is long enough to count as prose, with a comma.</p></body></html>`).hints.title;

  it('cuts the site name off the <title>, unless too little would remain', () => {
    expect(withTitle('Leeds opens the largest public library | Yorkshire News')).toBe('Leeds opens the largest public library');
    expect(withTitle('Yorkshire News » Leeds opens the largest public library')).toBe('Leeds opens the largest public library');
    // Four words or fewer cannot be told from a section name: the whole title is kept.
    expect(withTitle('Mozilla - Wikipedia')).toBe('Mozilla - Wikipedia');
  });

  it('prefers declared metadata titles', () => {
    expect(withTitle('Doc title | Site', '<meta property="og:title" content="The OG title">')).toBe('The OG title');
    expect(withTitle('Doc title | Site', '<meta property="og:title" content="The OG title"><meta name="DC.title" content="The DC title">')).toBe('The DC title');
  });
});
