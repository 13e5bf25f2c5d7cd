/**
 * Whole-page text (src/fullpage): a page's visible text in several languages gives the article
 * only; ordinary article text passes through untouched.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SourceBlock } from '../src/article/blocks.js';
import type { Article } from '../src/article/types.js';
import { bestRun, contentWords, findArticleText } from '../src/fullpage/find-article-text.js';
import { foldUnit, UNFOLDED } from '../src/fullpage/char-class.js';
import { lineFeatures } from '../src/fullpage/line-features.js';
import {
  COMMENT_HEADERS,
  COMMENT_PREFIXES,
  furnitureKey,
  furnitureKeyHash,
  furniturePhrase,
  hasFurniturePhrase,
  isEndHeader,
  isFurnitureLine,
  isShareBarKey,
  keyHash,
  LEGAL_PHRASES,
  PROMPT_PHRASES,
  RELATED_HEADERS,
  RELATED_PREFIXES,
  WHOLE_LINES,
} from '../src/fullpage/vocabulary.js';
import { parseArticle } from '../src/index.js';
import { normaliseBlocks } from '../src/normalise/normalise-blocks.js';
import { segmentText } from '../src/text/segment-text.js';
import { listFixtures } from './helpers/fixtures.js';

const decoder = new TextDecoder();

function blocksOf(text: string): SourceBlock[] {
  return normaliseBlocks(segmentText(text).blocks).blocks;
}

/** Everything the article says, title and metadata values included. */
function allText(a: Article): string {
  return [
    a.title ?? '',
    a.teaser ?? '',
    a.dateline ?? '',
    a.lede ?? '',
    ...a.sections.flatMap((s) => [s.heading ?? '', ...s.blocks.map((b) => (b.type === 'list' ? b.items.map((i) => i.text).join('\n') : b.text))]),
    ...a.metadata.fields.map((f) => `${f.label} ${f.value}`),
  ].join('\n');
}

function bodyText(a: Article): string {
  return [a.lede ?? '', ...a.sections.flatMap((s) => [s.heading ?? '', ...s.blocks.map((b) => (b.type === 'list' ? b.items.map((i) => i.text).join('\n') : b.text))])].join('\n');
}

function boilerplate(a: Article) {
  return a.diagnostics.filter((d) => d.code === 'BOILERPLATE_DROPPED');
}

const EN_PAGE = `Skip to main content
Home
World
Business
Technology
Sign in
Subscribe
We use cookies to improve your experience on our site. By continuing to use this site you agree to our cookie policy.
Accept all
Manage preferences
Environment
Harbour town opens its first tidal energy test site

By Nora Quill
Share on Facebook
Share on Twitter
Email

A small harbour town on the west coast has opened a test site where engineers will measure how much power the daily tides can deliver to the local grid over the next three years.

The project is run by a cooperative of fishermen, the county council and a university laboratory, which together raised most of the money from local savers rather than from large investors.

How the turbines work
Two slow-turning rotors sit on the sea floor at the mouth of the harbour, where the current is strongest, and a cable carries the electricity to a small station on the quay.

If the trial goes well, the cooperative hopes to add six more rotors and supply about a third of the town's homes by the end of the decade.

Related stories
Island ferry switches to batteries
Wind farm plan splits coastal village
Most read
City council approves new cycle lanes
Privacy policy
Terms of use
Contact us
© 2025 Coastal Daily. All rights reserved.
`;

const FR_PAGE = `Aller au contenu
Accueil
Politique
Économie
Culture
Se connecter
Nous utilisons des cookies pour mesurer l'audience et personnaliser les contenus. Vous pouvez modifier vos choix à tout moment.
Tout accepter
Paramètres
Grenoble : la ville plante mille arbres dans les cours d'école

Partager
Imprimer

La municipalité a lancé cet hiver un programme qui remplace le bitume de vingt cours d'école par de la terre, des arbres et des massifs plantés avec les élèves.

Selon les services techniques, la température au sol a baissé de plusieurs degrés pendant les premiers jours de chaleur, ce qui rend les récréations plus agréables.

Les parents d'élèves ont participé aux chantiers du samedi, et plusieurs associations de quartier se sont engagées à arroser les jeunes plants pendant l'été.

Lire aussi
Lyon ouvre une nouvelle ligne de tramway
Annecy limite la circulation au bord du lac
Mentions légales
Politique de confidentialité
Nous contacter
© 2025 Alpes Matin. Tous droits réservés.
`;

const AR_PAGE = `الرئيسية
أخبار
اقتصاد
رياضة
تسجيل الدخول
بحث
وهران: افتتاح أول مكتبة رقمية عامة في المدينة
شارك
طباعة
افتتحت بلدية وهران يوم الأحد مكتبة رقمية عامة تضم آلاف الكتب الإلكترونية والمراجع العلمية، ويمكن للسكان استعارتها مجانا عبر بطاقة المكتبة.
وقال مدير المشروع إن المكتبة ستنظم ورشات أسبوعية لتعليم كبار السن استخدام الحواسيب والهواتف الذكية، كما ستخصص قاعة للطلاب خلال فترة الامتحانات.
ويأمل القائمون على المبادرة أن تتوسع التجربة إلى أحياء أخرى في السنوات القادمة إذا لقيت إقبالا من الشباب والعائلات.
اقرأ أيضا
افتتاح ملعب جديد في قسنطينة
ارتفاع أسعار الخضر في الأسواق
اتصل بنا
سياسة الخصوصية
جميع الحقوق محفوظة © 2025
`;

const JA_PAGE = `ホーム
ニュース
スポーツ
ログイン
検索
金沢市、古い町家を学生寮に改修へ
シェア
印刷
金沢市は空き家になった古い町家を改修し、県外から来た大学生が安く住める寮として貸し出す計画を発表した。改修費の半分は市が負担し、残りは地元の企業や寄付でまかなうという。
市の担当者は「町並みを守りながら若い人に住んでもらいたい」と話しており、来年の春には最初の五棟で入居が始まる予定だ。地域の住民も清掃や見守りで協力する。
関連記事
富山で新しい路面電車が開業
福井の駅前に図書館がオープン
お問い合わせ
© 2025 北陸新聞
`;

const DE_FAMILY_PAGE = `Zum Inhalt springen
Startseite
Lokales
Sport
Anmelden
Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten. Mit der Nutzung dieser Seite stimmen Sie der Verwendung zu.
Alle akzeptieren
Lokales
Kiel: Neue Fähre verbindet die Förde mit Laboe

Kiel: Neue Fähre verbindet die Förde mit Laboe

Kiel, Deutschland - Eine neue Elektrofähre fährt seit Montag im Stundentakt zwischen dem Kieler Hafen und Laboe. Die Stadtwerke rechnen im ersten Jahr mit rund 300.000 Fahrgästen.

Pendler hatten sich lange eine schnellere Verbindung über die Förde gewünscht. Das Schiff lädt seine Batterien während der Pausen am Anleger.

Details
OrtKiel, Deutschland
Quellen
Stadtwerke Kiel

Kommentare (2)
Teilen
Facebook
WhatsApp
Das könnte Sie auch interessieren
Lübeck: Altstadtinsel bekommt mehr Fahrradbügel
Impressum
Datenschutz
© 2025 Nachrichten Nord
`;

describe('findArticleText on whole pages', () => {
  it('English: keeps title, paragraphs and the heading inside the article; drops the rest', () => {
    const a = parseArticle(EN_PAGE, { inputFormat: 'text' });
    expect(a.title).toBe('Harbour town opens its first tidal energy test site');
    const body = bodyText(a);
    expect(body).toContain('A small harbour town on the west coast');
    expect(body).toContain('How the turbines work');
    expect(body).toContain('supply about a third of the town');
    for (const furniture of ['Skip to main content', 'Sign in', 'cookies', 'Share on', 'By Nora Quill', 'Related stories', 'Island ferry', 'Privacy policy', '©']) {
      expect(allText(a)).not.toContain(furniture);
    }
    expect(boilerplate(a)).toHaveLength(1);
    expect(boilerplate(a)[0]!.severity).toBe('info');
  });

  it('French: drops the cookie notice, share links, "Lire aussi" and the footer', () => {
    const a = parseArticle(FR_PAGE, { inputFormat: 'text' });
    expect(a.title).toBe("Grenoble : la ville plante mille arbres dans les cours d'école");
    expect(bodyText(a)).toContain('La municipalité a lancé cet hiver');
    expect(bodyText(a)).toContain('arroser les jeunes plants');
    for (const furniture of ['Aller au contenu', 'cookies', 'Partager', 'Lire aussi', 'tramway', 'Mentions légales', 'Tous droits réservés']) {
      expect(allText(a)).not.toContain(furniture);
    }
    expect(boilerplate(a)).toHaveLength(1);
  });

  it('Arabic: finds the article between the menu and the footer', () => {
    const a = parseArticle(AR_PAGE, { inputFormat: 'text' });
    expect(a.title).toBe('وهران: افتتاح أول مكتبة رقمية عامة في المدينة');
    expect(a.direction).toBe('rtl');
    expect(bodyText(a)).toContain('افتتحت بلدية وهران');
    expect(bodyText(a)).toContain('ويأمل القائمون');
    for (const furniture of ['تسجيل الدخول', 'شارك', 'اقرأ أيضا', 'قسنطينة', 'جميع الحقوق محفوظة']) {
      expect(allText(a)).not.toContain(furniture);
    }
    expect(boilerplate(a)).toHaveLength(1);
  });

  it('Japanese: weighs lines without spaces by their characters', () => {
    const a = parseArticle(JA_PAGE, { inputFormat: 'text' });
    expect(a.title).toBe('金沢市、古い町家を学生寮に改修へ');
    expect(bodyText(a)).toContain('金沢市は空き家になった古い町家を改修し');
    expect(bodyText(a)).toContain('地域の住民も清掃や見守りで協力する。');
    for (const furniture of ['ログイン', 'シェア', '関連記事', '路面電車', '©']) {
      expect(allText(a)).not.toContain(furniture);
    }
  });

  it('German family page: the metadata block up to "Kommentare (N)" stays, what follows is boilerplate, not warnings', () => {
    const a = parseArticle(DE_FAMILY_PAGE, { inputFormat: 'text' });
    expect(a.title).toBe('Kiel: Neue Fähre verbindet die Förde mit Laboe');
    expect(a.dateline).toBe('Kiel, Deutschland');
    expect(a.metadata.location).toBe('Kiel, Deutschland');
    expect(a.metadata.sources).toEqual([{ name: 'Stadtwerke Kiel', url: null }]);
    expect(a.metadata.comments).toBe(2);
    expect(a.sections.map((s) => [s.heading, s.blocks.length])).toEqual([[null, 1]]);
    expect(a.diagnostics.filter((d) => d.code === 'TRAILING_TEXT_DROPPED')).toEqual([]);
    expect(a.diagnostics.filter((d) => d.severity === 'warning')).toEqual([]);
    expect(boilerplate(a)).toHaveLength(1);
    for (const furniture of ['Zum Inhalt springen', 'Cookies', 'Lokales', 'Teilen', 'Lübeck', 'Impressum', '©']) {
      expect(allText(a)).not.toContain(furniture);
    }
  });

  it('reports the number of dropped lines and returns only kept blocks, in order', () => {
    const blocks = blocksOf(EN_PAGE);
    const r = findArticleText(blocks);
    expect(r.isWholePage).toBe(true);
    expect(r.blocks.length + r.dropped).toBe(blocks.length);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]!.message).toContain(`${r.dropped} line(s)`);
    const lines = r.blocks.map((b) => b.line);
    expect([...lines].sort((x, y) => x - y)).toEqual(lines);
  });

  it('is not used for HTML or Markdown input', () => {
    const md = parseArticle(`# Title\n\n${EN_PAGE}`, { inputFormat: 'markdown' });
    expect(boilerplate(md)).toEqual([]);
  });
});

/** A page: a menu, the title, the article's paragraphs, then `after` (all one line each). */
function page(menu: string[], title: string, paragraphs: string[], after: string[]): string {
  return [...menu, title, '', ...paragraphs.flatMap((p) => [p, '']), ...after].join('\n');
}

const EN_ARTICLE = [
  'The county library in a small river town has started lending garden tools, sewing machines and camping gear to anyone with a library card, and the first month has gone better than the staff expected.',
  'More than four hundred items were borrowed in the first weeks, most of them drills, ladders and tents, and only two came back broken, which the volunteers repaired in the workshop behind the reading room.',
  'The librarians say the idea came from residents who asked why they should each buy a tool they use twice a year, when one shared drill could serve a whole street for a decade.',
  'Next spring the library wants to add a small repair café on Saturday mornings, where retired mechanics and tailors would show visitors how to fix what they own instead of throwing it away.',
];

describe('whole pages: what counts as prose, where the article ends', () => {
  it('English: a comment thread after "12 Comments" is dropped, however long', () => {
    const comments = [
      '12 Comments',
      'Marigold · March 3 at 9:14 AM',
      'What a wonderful idea, our town should copy it at once, because half of the garages on my street are full of tools that nobody has touched in years and that could help someone else.',
      'Reply',
      'Tobias Fenn · March 3 at 11:02 AM',
      'I borrowed a tent for a weekend by the lake and it was in better shape than the one I own, so I am thinking of giving mine to the library as well so that more families can go camping.',
      'My neighbour did the same with his old lawnmower and says he has never felt better about clearing out the shed, which tells you something about how much we all keep for no reason.',
      'Reply',
      'Ruth A. · March 4 at 7:40 PM',
      'The repair café is the best part of the plan, my grandfather fixed radios for fifty years and would have loved to teach young people how a soldering iron works and why patience matters.',
      'Reply',
    ];
    const a = parseArticle(page(['Home', 'News', 'Sign in'], 'Library lends tools as well as books', EN_ARTICLE, comments), { inputFormat: 'text' });
    expect(a.title).toBe('Library lends tools as well as books');
    expect(bodyText(a)).toContain('repair café on Saturday mornings');
    for (const other of ['12 Comments', 'Marigold', 'wonderful idea', 'lawnmower', 'soldering iron', 'Reply']) expect(allText(a)).not.toContain(other);
  });

  it('German: related headlines with their summaries after "Mehr zum Thema" are dropped', () => {
    const article = [
      'Die Gemeinde am Fluss hat im Rathaus eine Werkzeugbibliothek eröffnet, in der Bürger Bohrmaschinen, Leitern und Zelte für ein paar Tage ausleihen können, ohne dafür etwas zu bezahlen.',
      'Nach Angaben der Verwaltung wurden im ersten Monat mehr als dreihundert Geräte verliehen, und fast alle kamen unbeschädigt zurück, was die ehrenamtlichen Helfer sehr gefreut hat.',
      'Im Frühjahr soll ein Reparaturcafé dazukommen, in dem pensionierte Handwerker zeigen, wie man kaputte Dinge selbst repariert, statt sie wegzuwerfen und neu zu kaufen.',
    ];
    const after = [
      'Mehr zum Thema',
      'Stadtwerke erhöhen die Preise für Fernwärme',
      'Vom kommenden Jahr an zahlen Haushalte im Schnitt etwa zwölf Prozent mehr für die Wärme aus dem Kraftwerk am Hafen, wie der Versorger am Montag mitteilte.',
      'vor 2 Stunden',
      'Neue Buslinie verbindet die Dörfer im Norden',
      'Die Linie fährt ab Dezember im Stundentakt und soll vor allem Schülern und älteren Menschen den Weg in die Kreisstadt erleichtern, sagte der Landrat.',
      'vor 5 Stunden',
    ];
    const a = parseArticle(page(['Startseite', 'Lokales', 'Anmelden'], 'Werkzeug statt Bücher: Gemeinde verleiht Bohrmaschinen', article, after), { inputFormat: 'text' });
    expect(bodyText(a)).toContain('Reparaturcafé dazukommen');
    for (const other of ['Mehr zum Thema', 'Fernwärme', 'Buslinie', 'Landrat']) expect(allText(a)).not.toContain(other);
  });

  it('French: a related box inside the article does not end it, the one after it does', () => {
    const first = [
      "La commune a ouvert dans l'ancienne gare une outilthèque où les habitants empruntent perceuses, échelles et tentes pour quelques jours, gratuitement et sans formalités compliquées.",
      "En un mois, plus de trois cents objets ont été prêtés, et presque tous sont revenus en bon état, se félicite la bénévole qui tient le registre depuis l'ouverture.",
    ];
    const box = ['Sur le même sujet', 'Le marché couvert rouvre après deux ans de travaux', 'Une piste cyclable relie enfin les deux rives'];
    const rest = [
      "Au printemps, un café de réparation doit s'installer dans la salle d'attente, où des artisans retraités montreront comment réparer un grille-pain ou recoudre une veste au lieu de les jeter.",
      "La mairie espère que l'idée fera des émules dans les villages voisins, qui ont déjà demandé à visiter les lieux et à consulter le règlement de prêt rédigé par les bénévoles.",
      "Les horaires d'ouverture seront élargis dès le mois prochain, le samedi matin compris, pour permettre aux familles qui travaillent en semaine de profiter elles aussi du service.",
    ];
    const tail = [
      'Sur le même sujet',
      'Le conseil municipal vote le budget des écoles',
      "Les élus ont adopté mardi soir un budget en hausse pour la rénovation des cantines, malgré l'opposition qui réclamait davantage de moyens pour les transports scolaires du canton.",
      'Il y a 3 heures',
    ];
    const a = parseArticle(page(['Accueil', 'Actualités', 'Se connecter'], "L'ancienne gare devient une outilthèque", [], [...first.flatMap((p) => [p, '']), ...box, '', ...rest.flatMap((p) => [p, '']), ...tail]), { inputFormat: 'text' });
    expect(bodyText(a)).toContain('outilthèque où les habitants');
    expect(bodyText(a)).toContain('café de réparation');
    expect(bodyText(a)).toContain('samedi matin compris');
    expect(allText(a)).not.toContain('budget des écoles');
    expect(allText(a)).not.toContain('cantines');
  });

  it('Chinese: unpunctuated lines with clauses set apart by spaces are prose, not headlines', () => {
    const text = [
      '首页', '登录', '旅游', '美食', '热门',
      '【台中】三天两夜的温泉之旅', '高雄港边的小吃地图', '花莲海岸线单车一日游',
      '山里的秋天',
      '',
      '清晨从城里出发 沿着河谷一路往山上开去', '',
      '到了营地已经快中午了 满山的枫叶红得像火一样', '',
      '营地主人端来热茶 说今年的冷空气来得特别早', '',
      '我们在树下搭好帐篷 孩子们跑去溪边捡石头', '',
      '傍晚起了雾 山头的云慢慢地飘过来又飘过去', '',
      '晚饭是简单的火锅 大家围着炉子聊到很晚', '',
      '第二天醒来的时候 地上已经铺满了落叶', '',
      '离开之前又绕到吊桥走了一趟 心里想着明年还要再来', '',
      '相关文章', '海边露营要准备什么', '冬天的山路开车注意事项',
      '版权所有 © 2031 山水日记', '返回顶部',
    ].join('\n');
    const a = parseArticle(text, { inputFormat: 'text' });
    const all = allText(a);
    expect(all).toContain('清晨从城里出发');
    expect(all).toContain('孩子们跑去溪边捡石头');
    expect(all).toContain('心里想着明年还要再来');
    for (const other of ['温泉之旅', '小吃地图', '相关文章', '海边露营', '版权所有', '返回顶部']) expect(all).not.toContain(other);
  });

  it('a stream of teasers before the article, ended by a header, is not the article', () => {
    const teasers = [
      'Harbour ferry timetable changes for the winter',
      'The ferry company said on Tuesday that boats will run every forty minutes from November, because fewer commuters cross the bay once the tourist season has ended and the evenings are dark.',
      'Local News',
      'New bakery opens in the old post office building',
      'Two sisters who trained in Lyon have turned the empty post office into a bakery that sells sourdough, pastries and soup at lunchtime, and the queue on the first morning reached the corner.',
      'Business',
      'Trending',
    ];
    const a = parseArticle(page(['Home', 'Menu', 'Sign in', ...teasers], 'Library lends tools as well as books', EN_ARTICLE, ['Privacy policy', 'Contact us']), { inputFormat: 'text' });
    expect(bodyText(a)).toContain('county library in a small river town');
    expect(bodyText(a)).toContain('repair café');
    for (const other of ['ferry', 'bakery', 'Trending']) expect(allText(a)).not.toContain(other);
  });
});

describe('findArticleText leaves ordinary article text alone', () => {
  const plain = listFixtures().filter((f) => f.name.endsWith('.txt') && !f.name.includes('fullpage'));

  it('has plain text fixtures to check', () => {
    expect(plain.length).toBeGreaterThanOrEqual(10);
  });

  for (const f of plain) {
    it(`${f.name} passes through unchanged`, () => {
      const text = decoder.decode(f.input).replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n');
      const blocks = blocksOf(text);
      const r = findArticleText(blocks);
      expect(r.isWholePage).toBe(false);
      expect(r.dropped).toBe(0);
      expect(r.blocks).toBe(blocks);
      expect(r.diagnostics).toEqual([]);
    });
  }

  it('an article with a stray share word and a heading is not a page', () => {
    const text = [
      'Neue Radbrücke in Münster eröffnet',
      'Die Stadt Münster hat am Samstag eine neue Brücke für Radfahrer und Fußgänger über den Kanal eröffnet, die zwei Wohnviertel mit der Innenstadt verbindet.',
      'Teilen',
      'Bau und Kosten',
      'Der Bau dauerte knapp zwei Jahre und kostete rund acht Millionen Euro, von denen das Land einen großen Teil übernommen hat.',
    ].join('\n');
    const blocks = blocksOf(text);
    const r = findArticleText(blocks);
    expect(r.isWholePage).toBe(false);
    expect(r.blocks).toBe(blocks);
  });

  it('short inputs are returned as they are', () => {
    const blocks = blocksOf('Menu\nHome');
    expect(findArticleText(blocks).blocks).toBe(blocks);
    expect(findArticleText([]).blocks).toEqual([]);
  });
});

describe('building blocks', () => {
  it('bestRun finds the maximum-sum run and bridges only gaps the prose outweighs', () => {
    expect(bestRun([-3, -3, 40, -2, 30, -3, -3])).toEqual({ start: 2, end: 4, total: 68 });
    expect(bestRun([20, -50, 30])).toEqual({ start: 2, end: 2, total: 30 });
    expect(bestRun([-1, -2])).toBeNull();
  });

  it('furniture lines and end headers are written in key form (they are matched without computing their keys)', () => {
    expect(WHOLE_LINES.length).toBeGreaterThan(100);
    for (const list of [WHOLE_LINES, COMMENT_HEADERS, COMMENT_PREFIXES, RELATED_HEADERS, RELATED_PREFIXES]) {
      for (const line of list) expect(furnitureKey(line)).toBe(line);
    }
  });

  it('furniture vocabulary matches whole lines across languages, case and decoration', () => {
    for (const line of ['Skip to main content', 'Zum Inhalt springen', 'Share on Facebook ›', '» Impressum', 'Tout accepter', 'اقرأ أيضا', '関連記事', 'ПОДЕЛИТЬСЯ']) {
      expect(isFurnitureLine(line)).toBe(true);
    }
    for (const line of ['Bremen: Bürgerschaft stimmt zu', 'The harbour reopened on Monday.']) {
      expect(isFurnitureLine(line)).toBe(false);
    }
    expect(furnitureKey('  «Share — this story»  ')).toBe('share this story');
    expect(hasFurniturePhrase('© 2025 Example News')).toBe(true);
    expect(hasFurniturePhrase('Wir verwenden Cookies, um Ihnen zu helfen.')).toBe(true);
    expect(hasFurniturePhrase('Die Stadt baut eine Brücke.')).toBe(false);
  });

  it('finds a phrase in a line exactly where the NFKC lower-case form of the line holds it', () => {
    // compatibility forms, capitals outside ASCII, final sigma, combining marks, Hangul jamo
    const reference = (line: string): 'legal' | 'prompt' | null => {
      const folded = line.normalize('NFKC').toLowerCase();
      if (folded.includes('©') || LEGAL_PHRASES.some((p) => folded.includes(p.toLowerCase()))) return 'legal';
      return PROMPT_PHRASES.some((p) => folded.includes(p.toLowerCase())) ? 'prompt' : null;
    };
    const pieces = [
      'privacy policy', 'PRIVACY POLICY', 'Ｐｒｉｖａｃｙ ｐｏｌｉｃｙ', 'ｓｉｇｎ ｕｐ ｆｏｒ', 'Sign Up For', 'ﬁ', 'Σ', 'ΣΑΣ', 'İ',
      '\u0301', 'TOUS DROITS RÉSERVÉS', 'tous droits re\u0301serve\u0301s', 'ВСЕ ПРАВА ЗАЩИЩЕНЫ', 'جميع الحقوق محفوظة',
      'جَميع', '版权所有', '©', 'Ⓒ', 'ᄀ', 'ᅡ', '가', '\ud83d\ude00', '\ud800', 'DATENSCHUTZERKLÄRUNG', 'ẞ', 'K', 'Å', ' ',
      'a', 'x', '\u00a0', '\u3000', 'SHARE ON ', 'skip to',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 8 }), (parts) => {
        const line = parts.join('');
        expect(furniturePhrase(line)).toBe(reference(line));
      }),
      { numRuns: 3000 },
    );
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (line) => furniturePhrase(line) === reference(line)));
  });

  it('folds a unit alone only where its neighbours cannot change its NFKC lower-case form', () => {
    // The code points canonical composition joins to what precedes them: all but the first of
    // the decomposition of each primary composite (Hangul syllables included).
    const joined = new Set<number>();
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      const parts = [...ch.normalize('NFD')];
      if (parts.length > 1 && parts.join('').normalize('NFC') === ch) for (const p of parts.slice(1)) joined.add(p.codePointAt(0)!);
    }
    expect(joined.has(0x301) && joined.has(0x1161) && joined.has(0x11a8)).toBe(true);
    const mark = /^\p{M}$/u;
    let folded = 0;
    for (let unit = 0; unit < 0x10000; unit++) {
      const fold = foldUnit(unit);
      if (fold === UNFOLDED) continue;
      folded++;
      const ch = String.fromCharCode(unit);
      // alone: NFKC keeps it and lower case makes one unit of it
      expect(ch.normalize('NFKC')).toBe(ch);
      expect(ch.toLowerCase()).toBe(String.fromCharCode(fold));
      // among others: nothing composes with it or is reordered across it
      expect(joined.has(unit)).toBe(false);
      const first = [...ch.normalize('NFKD')][0]!;
      expect(joined.has(first.codePointAt(0)!) || mark.test(first)).toBe(false);
      expect(`\u0345${first}`.normalize('NFD')).toBe(`\u0345${first}`);
    }
    expect(folded).toBeGreaterThan(50000);
    for (const unit of [0x130, 0x3a3, 0x301, 0x1161, 0xd83d, 0xfb01, 0xff21, 0xa0]) expect(foldUnit(unit)).toBe(UNFOLDED);
  });

  it('reads content words as the runs of letters and numbers, in order, up to the limit', () => {
    const reference = (text: string, limit: number): string[] => {
      const into = new Set<string>();
      for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
        if (into.size >= limit) break;
        if (m[0].length >= 4) into.add(m[0].toLowerCase());
      }
      return [...into];
    };
    const pieces = ['word', 'Wörter', 'ΟΔΟΣ', 'İstanbul', 'e\u0301te\u0301', '2024', '\ud835\udc00\ud835\udc01\ud835\udc02', '\ud800', ' ', '-', "'", '漢字漢字', 'abc', 'ABCD'];
    const text = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ unit: 'binary', maxLength: 5 })), { maxLength: 12 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 6 }), (t, limit) => {
        const into = new Set<string>();
        contentWords(t, into, limit);
        expect([...into]).toEqual(reference(t, limit));
      }),
      { numRuns: 3000 },
    );
  });

  it('hashes a line\'s furniture key without building it, as the key itself hashes', () => {
    const pieces = ['-', "'", ' ', '|', '•', '»', '--', '  ', '. ', ':', '__', '\u00a0', 'a', 'B', 'é', 'Ä', 'ß', 'İ', 'Σ', 'e\u0301', '-a-', 'Share', 'MENU', 'Zum Inhalt springen', '\ud83d\ude00'];
    const line = fc.array(fc.oneof(fc.constantFrom(...pieces, ...WHOLE_LINES), fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 8 }).map((p) => p.join(''));
    fc.assert(
      fc.property(line, (text) => {
        const h = furnitureKeyHash(text);
        if (h !== null) expect(h).toBe(keyHash(furnitureKey(text)));
        expect(isFurnitureLine(text)).toBe(WHOLE_LINES.includes(furnitureKey(text)));
      }),
      { numRuns: 5000 },
    );
    expect(furnitureKeyHash('» Share ›')).toBe(keyHash('share'));
    expect(furnitureKeyHash('- » Share --')).toBe(keyHash(' share '));
    expect(furnitureKeyHash('a - b')).toBe(keyHash('a - b'));
    expect(furnitureKeyHash('- a')).toBe(keyHash(' a'));
    expect(furnitureKeyHash('Cookie\u0301')).toBeNull();
  });

  it('prompt phrases mark short lines only; cookie and copyright notices mark longer ones too', () => {
    expect(furniturePhrase('Sign up for our morning briefing')).toBe('prompt');
    expect(furniturePhrase('© 2031 Riverside Courier')).toBe('legal');
    expect(furniturePhrase('Die Brücke ist wieder offen.')).toBeNull();
    expect(lineFeatures('Sign up for our morning briefing').phrase).toBe(true);
    const paragraph =
      'Residents who want a plot in the new allotment garden can sign up for one at the town hall until the end of March, the council said, and the first seeds will be handed out in April to everyone on the list, together with a short guide to the soil and the water taps along the fence.';
    expect(lineFeatures(paragraph).phrase).toBe(false);
    const banner =
      'We use cookies to understand how visitors use this site and to show them offers that suit them; by continuing to browse you accept this, and you can change your choice at any time in the settings at the bottom of every page of the site.';
    expect(lineFeatures(banner).phrase).toBe(true);
  });

  it('end headers: comment counts, related and more-from headers in several languages, not in-article boxes', () => {
    for (const line of ['12 Comments', 'Comments (4)', '3 thoughts on “Library lends tools”', 'Related stories', 'More from Science', 'Mehr zum Thema', 'Kommentare (7)', 'Sur le même sujet', 'Noticias relacionadas', 'Похожие статьи', '関連記事', 'Leave a Reply', 'Související', 'En direct', 'Newsticker']) {
      expect(isEndHeader(line)).toBe(true);
    }
    for (const line of ['Read more', 'Lire aussi', 'See also', 'The library after dark', 'More than four hundred items were borrowed.', '200Comments. Click to view comments']) {
      expect(isEndHeader(line)).toBe(false);
    }
  });

  it('runs in linear time on huge inputs (100,000 short lines, one 1 MB line)', () => {
    const time = (run: () => void): number => {
      const t0 = performance.now();
      run();
      return performance.now() - t0;
    };
    const lines = (n: number): SourceBlock[] => Array.from({ length: n }, (_, i) => ({ text: `Item ${i}`, raw: `Item ${i}`, line: i + 1, hint: 'line' as const }));
    const page = (words: number): SourceBlock[] => {
      const long = 'word '.repeat(words) + 'end.';
      return [
        { text: 'Menu', raw: 'Menu', line: 1, hint: 'line' },
        { text: long, raw: long, line: 2, hint: 'line' },
        { text: 'Impressum', raw: 'Impressum', line: 3, hint: 'line' },
      ];
    };
    findArticleText(lines(2000)); // warm up
    findArticleText(page(2000));
    // Four times the input must not cost much more than four times the time (quadratic would be 16).
    const fewLines = Math.max(time(() => findArticleText(lines(25_000))), 20);
    expect(time(() => findArticleText(lines(100_000))) / fewLines).toBeLessThan(10);
    const shortLine = Math.max(time(() => findArticleText(page(50_000))), 20);
    expect(time(() => findArticleText(page(200_000))) / shortLine).toBeLessThan(10);
  });
});

describe('whole pages: choosing the title', () => {
  const ES_ARTICLE = [
    'El puerto de la ciudad estrena esta semana una grúa eléctrica que descarga los contenedores sin humo ni ruido, y los vecinos del muelle ya notan la diferencia por las noches.',
    'La grúa eléctrica costó unos cuatro millones de euros y sustituye a dos máquinas de gasóleo que llevaban treinta años en el puerto, según explicó la autoridad portuaria.',
    'Los estibadores recibieron un curso de dos semanas para manejarla, y dicen que la cabina es más cómoda y que se ve mejor la carga desde arriba.',
  ];

  it('Spanish: a share bar printed under the title and again between paragraphs does not outweigh the title', () => {
    const share = 'Enviar Guardar';
    const text = [
      'Inicio', 'Deportes', 'Economía', 'Iniciar sesión',
      'El puerto estrena una grúa eléctrica', share, share, '',
      ES_ARTICLE[0]!, '', share, '', ES_ARTICLE[1]!, '', ES_ARTICLE[2]!, '',
      'Aviso legal', 'Contacto',
    ].join('\n');
    const a = parseArticle(text, { inputFormat: 'text' });
    expect(a.title).toBe('El puerto estrena una grúa eléctrica');
    expect(bodyText(a)).toContain('los vecinos del muelle');
  });
});

describe('whole pages: a long unpunctuated line next to the title', () => {
  it('German: a standfirst of thirty words is not the headline printed twice below it', () => {
    const article = [
      'Die Fähre zwischen den beiden Inseln fährt vom kommenden Montag an wieder nach dem Sommerfahrplan, nachdem die Werft die Schraube ersetzt und den Rumpf neu gestrichen hat.',
      'Wer ein Auto mitnehmen will, muss den Platz weiterhin vorher buchen, denn das Schiff hat nur Raum für zwölf Wagen und an den Wochenenden ist es oft voll.',
      'Die Reederei verspricht außerdem ein kleines Café an Bord, in dem es Kaffee, Kuchen und Fischbrötchen aus der Bäckerei am Hafen geben soll.',
    ];
    const standfirst =
      'Die Fähre zwischen den beiden Inseln fährt wieder nach dem Sommerfahrplan mit Platz für zwölf Wagen und einem kleinen Café an Bord mit Kaffee Kuchen und Fischbrötchen aus der Bäckerei am Hafen';
    const title = 'Fähre im neuen Takt';
    const text = ['Startseite', 'Lokales', 'Anmelden', standfirst, title, 'Teilen', 'Drucken', title, '', ...article.flatMap((p) => [p, '']), 'Impressum', 'Datenschutz'].join('\n');
    const a = parseArticle(text, { inputFormat: 'text' });
    expect(a.title).toBe(title);
    expect(bodyText(a)).toContain('Fischbrötchen aus der Bäckerei');
  });
});

describe('whole pages: headline and standfirst', () => {
  it('Italian: the shorter line above a standfirst is the headline', () => {
    const article = [
      'Da lunedì la biblioteca comunale resterà aperta fino a mezzanotte, tre sere alla settimana, per gli studenti che preparano gli esami e non hanno un posto tranquillo dove studiare.',
      'Il comune ha assunto due custodi in più e ha rinnovato il riscaldamento della sala grande, dove trovano posto sessanta lettori alla volta.',
      'Gli studenti avevano raccolto più di mille firme in primavera, e il sindaco ha detto che la prova durerà almeno fino alla fine dell’anno accademico.',
    ];
    const headline = 'La biblioteca comunale aperta fino a mezzanotte';
    const standfirst = 'Tre sere alla settimana le sale restano accese per chi prepara gli esami, dopo le mille firme raccolte dagli studenti';
    const text = ['Home', 'Cronaca', 'Accedi', headline, standfirst, '', ...article.flatMap((p) => [p, '']), 'Contatti', 'Pubblicità'].join('\n');
    const a = parseArticle(text, { inputFormat: 'text' });
    expect(a.title).toBe(headline);
    expect(bodyText(a)).toContain('sessanta lettori');
  });
});

describe('whole pages: a headline with a bracketed aside', () => {
  it('French: brackets in the headline do not make it code, so the first section heading is not taken instead', () => {
    const article = [
      'Dans le centre-ville, une vingtaine de livreurs ont laissé leur camionnette au dépôt et font désormais leurs tournées en vélo-cargo, avec une caisse qui porte jusqu’à cent kilos.',
      'Les commerçants disent que les colis arrivent plus tôt le matin, car les vélos passent par les rues piétonnes et ne cherchent jamais de place pour se garer.',
      'Les livreurs, eux, ont reçu des vestes imperméables et des gants chauffants, et la coopérative promet de réparer les vélos dans la journée en cas de panne.',
    ];
    const headline = 'Les livreurs passent au vélo-cargo (même sous la pluie)';
    const text = ['Accueil', 'Économie', 'Se connecter', headline, 'Camille Vernet', '12 mars 2031', 'Pourquoi le vélo ?', ...article.flatMap((p) => [p, '']), 'Mentions légales', 'Contact'].join('\n');
    const a = parseArticle(text, { inputFormat: 'text' });
    expect(a.title).toBe(headline);
    expect(bodyText(a)).toContain('cent kilos');
  });
});

describe('whole pages: share bars are not titles', () => {
  it('Dutch: a share bar printed twice under a short headline does not take its place', () => {
    const article = [
      'De gemeente heeft vrijdag de nieuwe fietsbrug over de rivier geopend, waardoor scholieren uit de dorpen aan de overkant tien minuten sneller in de stad zijn.',
      'De brug is vierhonderd meter lang en heeft verwarmde platen, zodat er in de winter geen ijs op het wegdek komt te liggen, zei de wethouder bij de opening.',
      'Omwonenden zijn blij dat het verkeer op de oude dijk minder wordt, al vrezen sommigen dat er nu meer brommers langs hun huizen zullen rijden.',
    ];
    const bar = 'Facebook WhatsApp';
    const text = ['Home', 'Regio', 'Inloggen', 'Sneller naar school', bar, bar, '', ...article.flatMap((p) => [p, '']), 'Contact', 'Privacy'].join('\n');
    const a = parseArticle(text, { inputFormat: 'text' });
    expect(a.title).toBe('Sneller naar school');
  });

  it('lines made only of network names, share verbs and their joining words, in several languages', () => {
    for (const line of ['Facebook Twitter', 'Share this page', 'Teilen auf WhatsApp', 'Partager cet article', 'Sdílet článek', 'Compartir en Telegram', 'Поделиться']) {
      expect(isShareBarKey(furnitureKey(line))).toBe(true);
    }
    for (const line of ['Facebook shares fall after the earnings report', 'This page', 'Twitter bought by a rival', 'Sneller naar school', '']) {
      expect(isShareBarKey(furnitureKey(line))).toBe(false);
    }
  });
});
