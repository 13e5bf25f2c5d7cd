/**
 * Page-furniture vocabulary: words and phrases that web pages print around an article (skip
 * links, menus, log-in links, cookie banners, share bars, related-article headers, footers), in
 * several languages. This is data; the stage scores lines with it, it never decides alone.
 *
 * Keys are compared after `furnitureKey` (lower case, NFKC, spacing collapsed, bullets, arrows,
 * pipes and edge punctuation removed), so `Share on Facebook ›` matches `share on facebook`.
 */

import { charClass, foldUnit, isAscii, isCjk, PLAIN_SPACE, PLAIN_UNITS, SEPARATOR, SPACE, UNFOLDED } from './char-class.js';

/**
 * Lines that are page furniture when they are the whole line, written in key form (as
 * `furnitureKey` gives them; test/fullpage.test.ts checks), so no key is computed at start.
 */
export const WHOLE_LINES: readonly string[] = [
  // English: skip links, menus, accounts
  'skip to content', 'skip to main content', 'skip to navigation', 'skip to search', 'jump to content',
  'jump to navigation', 'skip navigation', 'main menu', 'menu', 'navigation', 'open menu', 'close menu',
  'toggle navigation', 'search', 'search for', 'home', 'homepage', 'sign in', 'sign up', 'sign out',
  'log in', 'login', 'log out', 'logout', 'register', 'my account', 'account', 'subscribe',
  'subscribe now', 'newsletter', 'newsletters', 'close', 'settings', 'edit', 'more', 'see more',
  'show more', 'load more', 'view more', 'read more', 'continue reading', 'back to top', 'top',
  'next', 'previous', 'next article', 'previous article', 'next story', 'previous story',
  // English: share bars
  'share', 'share this', 'share this story', 'share this article', 'share this post', 'share on facebook',
  'share on twitter', 'share on linkedin', 'share on reddit', 'share on whatsapp', 'share via email',
  'tweet', 'email', 'e-mail', 'print', 'facebook', 'twitter', 'whatsapp', 'linkedin', 'reddit',
  'pinterest', 'instagram', 'youtube', 'tumblr', 'telegram', 'flipboard', 'rss', 'rss feeds',
  'copy link', 'save', 'bookmark',
  // English: comments, related content, ads, footers
  'comments', 'comment', 'reply', 'leave a comment', 'leave a reply', 'add a comment', 'post a comment',
  'view comments', 'show comments', 'related', 'related articles', 'related stories', 'related posts',
  'related content', 'more stories', 'more from', 'recommended', 'recommended for you',
  'you may also like', 'you might also like', 'trending', 'trending now', 'most popular', 'most read',
  'popular', 'latest', 'latest news', 'top stories', 'advertisement', 'advertising', 'ad', 'sponsored',
  'sponsored content', 'sponsored stories', 'privacy', 'privacy policy', 'terms', 'terms of use',
  'terms of service', 'terms and conditions', 'cookie policy', 'cookies', 'cookie settings',
  'accept', 'accept all', 'accept cookies', 'reject all', 'manage preferences', 'contact', 'contact us',
  'about', 'about us', 'careers', 'jobs', 'sitemap', 'site map', 'help', 'faq', 'imprint', 'legal',
  'accessibility', 'follow us', 'tags', 'topics', 'categories', 'archives', 'archive', 'loading',
  // German
  'zum inhalt springen', 'zur navigation springen', 'zum hauptinhalt springen', 'direkt zum inhalt',
  'startseite', 'anmelden', 'abmelden', 'einloggen', 'registrieren', 'mein konto', 'suche', 'suchen',
  'menü', 'schließen', 'teilen', 'artikel teilen', 'drucken', 'versenden', 'impressum', 'datenschutz',
  'datenschutzerklärung', 'kontakt', 'agb', 'nutzungsbedingungen', 'barrierefreiheit', 'alle akzeptieren',
  'akzeptieren', 'ablehnen', 'einstellungen', 'mehr zum thema', 'das könnte sie auch interessieren',
  'weitere artikel', 'weitere nachrichten', 'mehr nachrichten', 'meistgelesen', 'meistgelesene artikel',
  'abonnieren', 'jetzt abonnieren', 'werbung', 'anzeige', 'nach oben', 'zurück', 'weiter',
  'weiterlesen', 'mehr', 'mehr anzeigen', 'kommentieren', 'kommentar schreiben',
  // French
  'aller au contenu', 'aller au contenu principal', 'accueil', 'se connecter', 'connexion',
  'se déconnecter', "s'inscrire", 'inscription', 'mon compte', 'rechercher', 'recherche', 'fermer',
  'partager', 'partager sur facebook', 'partager sur twitter', 'imprimer', 'envoyer', 'mentions légales',
  'politique de confidentialité', 'confidentialité', 'nous contacter', 'tout accepter', 'tout refuser',
  'paramètres', 'accepter', 'refuser', 'lire aussi', 'à lire aussi', 'lire la suite', 'sur le même sujet',
  'articles similaires', 'publicité', 'abonnez-vous', "s'abonner", 'commentaires', 'réagir',
  'haut de page', 'suivant', 'précédent', 'les plus lus',
  // Spanish, Italian, Portuguese
  'ir al contenido', 'saltar al contenido', 'inicio', 'iniciar sesión', 'registrarse', 'buscar',
  'compartir', 'imprimir', 'aviso legal', 'política de privacidad', 'contacto', 'aceptar',
  'aceptar todo', 'configuración', 'publicidad', 'suscríbete', 'comentarios', 'te puede interesar',
  'noticias relacionadas', 'lo más leído', 'leer más', 'vai al contenuto', 'accedi', 'registrati',
  'cerca', 'condividi', 'stampa', 'contatti', 'accetta', 'accetta tutto', 'impostazioni', 'pubblicità',
  'abbonati', 'commenti', 'leggi anche', 'correlati', 'articoli correlati', 'leggi di più', 'ir para o conteúdo',
  'entrar', 'cadastre-se', 'pesquisar', 'compartilhar', 'partilhar', 'aceitar', 'publicidade',
  'assine', 'comentários', 'leia também', 'notícias relacionadas', 'leia mais',
  // Dutch, Swedish, Polish, Turkish
  'naar inhoud', 'inloggen', 'zoeken', 'delen', 'afdrukken', 'accepteren', 'alles accepteren',
  'instellingen', 'reacties', 'lees ook', 'lees meer', 'gerelateerde artikelen', 'logga in', 'sök',
  'dela', 'skriv ut', 'kommentarer', 'läs också', 'läs mer', 'zaloguj się', 'szukaj', 'udostępnij',
  'drukuj', 'komentarze', 'czytaj też', 'czytaj więcej', 'ana sayfa', 'giriş yap', 'ara', 'paylaş',
  'yazdır', 'iletişim', 'reklam', 'yorumlar', 'ilgili haberler',
  // Russian, Ukrainian, Greek
  'перейти к содержимому', 'главная', 'войти', 'регистрация', 'поиск', 'поделиться', 'печать',
  'контакты', 'реклама', 'подписаться', 'комментарии', 'читайте также', 'читать далее', 'головна',
  'увійти', 'пошук', 'поділитися', 'коментарі', 'читайте також', 'αρχική', 'σύνδεση', 'αναζήτηση',
  'κοινοποίηση', 'σχόλια', 'διαβάστε επίσης',
  // Arabic, Persian, Hebrew
  'الرئيسية', 'الصفحة الرئيسية', 'تسجيل الدخول', 'بحث', 'شارك', 'مشاركة', 'طباعة', 'اتصل بنا',
  'من نحن', 'سياسة الخصوصية', 'إعلان', 'اشترك', 'التعليقات', 'تعليقات', 'اقرأ أيضا', 'اقرأ أيضاً',
  'أخبار ذات صلة', 'الأكثر قراءة', 'صفحه اصلی', 'ورود', 'جستجو', 'اشتراک گذاری', 'نظرات', 'דף הבית',
  'התחברות', 'חיפוש', 'שתף', 'תגובות',
  // Chinese, Japanese, Korean, Hindi
  '首页', '登录', '注册', '搜索', '分享', '打印', '联系我们', '关于我们', '隐私政策', '广告', '订阅',
  '评论', '相关阅读', '相关新闻', '热门', '返回顶部', '首頁', '登入', '分享到', 'ホーム', 'ログイン',
  '検索', '共有', 'シェア', '印刷', 'お問い合わせ', '広告', 'コメント', '関連記事', '홈', '로그인',
  '검색', '공유', '댓글', '관련기사', 'होम', 'लॉगिन', 'खोजें', 'शेयर करें', 'टिप्पणियाँ',
];

/**
 * Phrases that mark a line as furniture wherever they stand in it: cookie banners, copyright and
 * legal footers, script notices. Only short and medium lines are judged by them: an article
 * paragraph may mention cookies or copyright.
 */
export const LEGAL_PHRASES: readonly string[] = [
  // English
  'cookie', 'all rights reserved', 'all right reserved', 'copyright ©', 'javascript is disabled',
  'enable javascript', 'by continuing to use', 'we use cookies',
  // German
  'alle rechte vorbehalten', 'wir verwenden cookies',
  // French, Spanish, Italian, Portuguese
  'tous droits réservés', 'nous utilisons des cookies', 'todos los derechos reservados', 'utilizamos cookies',
  'tutti i diritti riservati', 'utilizziamo i cookie', 'todos os direitos reservados',
  // Dutch, Russian, Arabic, Chinese
  'alle rechten voorbehouden', 'все права защищены', 'جميع الحقوق محفوظة', '版权所有', '版權所有',
];

/**
 * Phrases of prompts and links (log-in prompts, newsletter and share prompts, legal links). They
 * are ordinary words too, so they mark only lines up to PROMPT_MAX_WEIGHT words: a paragraph that
 * says readers can sign up for something is still a paragraph.
 */
export const PROMPT_PHRASES: readonly string[] = [
  // English
  'privacy policy', 'terms of use', 'terms of service', 'sign up for', 'subscribe to our', 'our newsletter',
  'you must login', 'you must be logged in', 'log in to comment', 'login to comment', 'sign in to comment',
  'share on ', 'follow us on', 'skip to ', 'related stories', 'related articles', 'recommended for you',
  // German, French
  'datenschutzerklärung', 'jetzt anmelden', 'newsletter abonnieren', 'teilen auf', 'auf facebook teilen',
  'partager sur',
];
/** Longest line (word equivalents) a prompt phrase marks as furniture. */
export const PROMPT_MAX_WEIGHT = 40;

/** A hyphen or an apostrophe, taken off a key's edges. */
function isEdgeMark(unit: number): boolean {
  return unit === 0x2d || unit === 0x27;
}

/** A comparison key for a line: lower case, NFKC, separators and edge hyphens gone, spaces collapsed. */
export function furnitureKey(text: string, ascii = isAscii(text)): string {
  const lower = ascii ? text.toLowerCase() : text.normalize('NFKC').toLowerCase();
  let out = '';
  let space = false;
  let from = 0; // start of the pending stretch of kept characters
  for (let i = 0; i < lower.length; i++) {
    const cp = lower.charCodeAt(i);
    // surrogate halves are never separators or spaces: kept as they are
    if ((charClass(cp) & (SEPARATOR | SPACE)) !== 0) {
      if (from < i) {
        if (space && out !== '') out += ' ';
        out += lower.slice(from, i);
      }
      from = i + 1;
      space = true;
    }
  }
  if (from < lower.length) {
    if (space && out !== '') out += ' ';
    out += lower.slice(from);
  }
  let start = 0;
  let end = out.length;
  while (start < end && isEdgeMark(out.charCodeAt(start))) start++;
  while (end > start && isEdgeMark(out.charCodeAt(end - 1))) end--;
  return out.slice(start, end);
}

const WHOLE: ReadonlySet<string> = new Set(WHOLE_LINES);

/** One more unit in a key hash. */
function hashUnit(h: number, unit: number): number {
  return (Math.imul(h, 31) + unit) | 0;
}

/** A 32-bit hash of a furniture key's units. */
export function keyHash(key: string): number {
  let h = 0;
  for (let i = 0; i < key.length; i++) h = hashUnit(h, key.charCodeAt(i));
  return h;
}

const WHOLE_HASHES: ReadonlySet<number> = new Set(WHOLE_LINES.map(keyHash));

/**
 * The hash (keyHash) of `furnitureKey(text)`, read from the folds of the units of `text`
 * (foldUnit) without building the key, or null when a unit does not fold alone. The key is the
 * stretches of the folds that are not separators or spaces, joined by one space, with hyphens and
 * apostrophes taken off both ends.
 */
export function furnitureKeyHash(text: string): number | null {
  let h = 0;
  let started = false; // the key has a unit (edge marks before it are taken off)
  let written = false; // the joined stretches have a unit (edge marks included)
  let marksHash = 0; // edge marks since the key's last unit: kept only if more follows ...
  let marksPower = 1; // ... (their hash as if they started a key, and 31 to their number)
  let gap = false; // separators or spaces since the last kept unit
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const plain = PLAIN_UNITS[unit] as number;
    if (plain >= PLAIN_SPACE) {
      gap = true;
      continue;
    }
    if (plain !== 0) {
      // a plain letter: kept, never an edge mark (the steps below for such a unit)
      h = (Math.imul(h, marksPower) + marksHash) | 0;
      marksHash = 0;
      marksPower = 1;
      if (gap && written) h = hashUnit(h, 0x20);
      gap = false;
      written = true;
      started = true;
      h = hashUnit(h, plain & 0xffff);
      continue;
    }
    const fold = foldUnit(unit);
    if (fold === UNFOLDED) return null;
    if ((charClass(fold) & (SEPARATOR | SPACE)) !== 0) {
      gap = true;
      continue;
    }
    // a stretch after another is joined to it by a space (never an edge mark)
    const joined = gap && written;
    gap = false;
    written = true;
    if (isEdgeMark(fold) && !joined) {
      if (started) {
        marksHash = hashUnit(marksHash, fold);
        marksPower = Math.imul(marksPower, 31);
      }
      continue;
    }
    // the edge marks so far are inside the key
    h = (Math.imul(h, marksPower) + marksHash) | 0;
    marksHash = 0;
    marksPower = 1;
    if (joined) h = hashUnit(h, 0x20);
    started = true;
    if (isEdgeMark(fold)) {
      marksHash = hashUnit(0, fold);
      marksPower = 31;
    } else h = hashUnit(h, fold);
  }
  return h;
}

/** True when the whole line is a furniture word or phrase (`ascii`: the line holds only ASCII, when known). */
export function isFurnitureLine(text: string, ascii?: boolean): boolean {
  // a line whose key cannot be in the list is told without building the key
  const h = furnitureKeyHash(text);
  if (h !== null && !WHOLE_HASHES.has(h)) return false;
  return WHOLE.has(furnitureKey(text, ascii ?? isAscii(text)));
}

/**
 * Words of share bars: social networks, share and send verbs, and the few words that join them
 * (`Share this article`, `Facebook Twitter`, `Partager sur Facebook`, `Sdílet článek`). A line made
 * only of these, with at least one network or verb among them, is a share bar, whatever its order.
 */
const SHARE_NETWORKS: readonly string[] = [
  'facebook', 'twitter', 'whatsapp', 'linkedin', 'reddit', 'pinterest', 'instagram', 'tumblr', 'telegram',
  'flipboard', 'messenger', 'xing', 'vk', 'вконтакте', 'weibo', '微博', '微信', 'email', 'e-mail', 'tweet',
  'share', 'teilen', 'partager', 'compartir', 'condividi', 'compartilhar', 'partilhar', 'delen', 'dela',
  'udostępnij', 'sdílet', 'zdieľať', 'paylaş', 'поделиться', 'поділитися', 'κοινοποίηση', 'شارك', 'مشاركة', 'שתף',
  '分享', 'シェア', '공유',
];
const SHARE_JOINERS: readonly string[] = [
  'on', 'via', 'by', 'this', 'article', 'story', 'page', 'post', 'link', 'and',
  'auf', 'per', 'diesen', 'artikel', 'sur', 'par', 'cet', 'en', 'este', 'artículo', 'su', 'questo', 'articolo',
  'no', 'artigo', 'op', 'dit', 'článek', 'článok', 'na', 'в', 'статьей', 'статтею',
];
const SHARE_NETWORK_SET = new Set(SHARE_NETWORKS);
const SHARE_JOINER_SET = new Set(SHARE_JOINERS);

/** True when a furniture key (see furnitureKey) is made only of share-bar words. */
export function isShareBarKey(key: string): boolean {
  if (key === '' || key.length > 80) return false;
  let network = false;
  for (const word of key.split(' ')) {
    if (SHARE_NETWORK_SET.has(word)) network = true;
    else if (!SHARE_JOINER_SET.has(word)) return false;
  }
  return network;
}

/** What `PhraseIndex.find` answers for a text it cannot fold unit by unit (see foldUnit). */
const UNFOLDABLE = 'unfoldable';
const COPYRIGHT = 0xa9;

/** The phrase search in line-features.ts hashes one place in this many of a run of plain units. */
export const PHRASE_STRIDE = 4;

/**
 * Substring search for many phrases at once in one pass: each phrase (four characters or more) is
 * filed under a hash of its first three characters, and only the positions whose three characters
 * hash to a filed value, and whose fourth goes with them in some phrase, are compared in full.
 * Each phrase has a kind; legal notices (and the copyright sign) rank above prompts.
 */
class PhraseIndex {
  /** Per hash (`hash`): 1 when some phrase is filed under it. */
  readonly filed = new Uint8Array(0x10000);
  /**
   * Per hash of three units: bit `o` set when some phrase has them at offset `o` (below
   * PHRASE_STRIDE), so that a search that hashes only every PHRASE_STRIDE-th place still meets
   * every phrase (see `kindEndingAt`).
   */
  readonly ends = new Uint8Array(0x10000);
  /** Per hash of a phrase's first three units extended by its fourth (`extend`): 1 when filed. */
  private readonly fourth = new Uint8Array(0x10000);
  private readonly byHash = new Map<number, Array<{ phrase: string; legal: boolean }>>();

  constructor(phrases: ReadonlyArray<{ phrase: string; legal: boolean }>) {
    for (const entry of phrases) {
      const p = entry.phrase;
      if (p.length < 4) throw new Error(`phrase too short for the index: ${p}`);
      const h = PhraseIndex.hash(p.charCodeAt(0), p.charCodeAt(1), p.charCodeAt(2));
      this.filed[h] = 1;
      this.fourth[PhraseIndex.extend(h, p.charCodeAt(3))] = 1;
      for (let o = 0; o < PHRASE_STRIDE && o + 3 <= p.length; o++) {
        const t = PhraseIndex.hash(p.charCodeAt(o), p.charCodeAt(o + 1), p.charCodeAt(o + 2));
        this.ends[t] = (this.ends[t] as number) | (1 << o);
      }
      // A phrase too short to have a trigram at each offset below the stride is met only where
      // its trigrams end on units read one at a time, never in the strided loop of plain units
      // (line-features.ts): Han and kana, which no other unit folds to, are never plain.
      if (p.length < PHRASE_STRIDE + 2) {
        for (let k = 2; k < p.length; k++) {
          if (!isCjk(p.charCodeAt(k))) throw new Error(`phrase too short for the strided search: ${p}`);
        }
      }
      const list = this.byHash.get(h);
      if (list === undefined) this.byHash.set(h, [entry]);
      else list.push(entry);
    }
  }

  /** `phrase` (lower case) stands in `text` at `at`, the units of `text` folded (foldUnit) unless it is `folded` already. */
  private static startsWith(text: string, at: number, phrase: string, folded: boolean): boolean {
    if (at + phrase.length > text.length) return false;
    for (let k = 0; k < phrase.length; k++) {
      const unit = text.charCodeAt(at + k);
      if ((folded ? unit : foldUnit(unit)) !== phrase.charCodeAt(k)) return false;
    }
    return true;
  }

  /** The hash phrases are filed under: of their first three units (lower case). */
  static hash(a: number, b: number, c: number): number {
    return (a * 961 + b * 31 + c) & 0xffff;
  }

  /** A hash of three units (`hash`) extended by a fourth. */
  private static extend(h: number, d: number): number {
    return (h * 31 + d) & 0xffff;
  }

  /** True when some phrase's first three units have hash `h`. */
  isFiled(h: number): boolean {
    return this.filed[h] !== 0;
  }

  /** The kind of phrase filed under `h` that stands in `text` at `at` (read as in `find`): legal, prompt or null. */
  kindAt(text: string, at: number, h: number, folded: boolean): 'legal' | 'prompt' | null {
    // most places whose first three units hash to a filed value go no further than their fourth
    // (`our`, `all`, `ter` are common; `our newsletter`, `all rights reserved`, `terms of` are not)
    if (at + 3 >= text.length) return null;
    const d = text.charCodeAt(at + 3);
    if (this.fourth[PhraseIndex.extend(h, folded ? d : foldUnit(d))] === 0) return null;
    let kind: 'prompt' | null = null;
    const entries = this.byHash.get(h)!;
    for (let k = 0; k < entries.length; k++) {
      const { phrase, legal } = entries[k]!;
      if ((legal || kind === null) && PhraseIndex.startsWith(text, at, phrase, folded)) {
        if (legal) return 'legal';
        kind = 'prompt';
      }
    }
    return kind;
  }

  /**
   * The kind of phrase that has three units ending at `end` of `text` at an offset set in
   * `ends[h]`, `h` their hash (read as in `find`, through foldUnit): legal, prompt or null.
   */
  kindEndingAt(text: string, end: number, h: number): 'legal' | 'prompt' | null {
    let kind: 'legal' | 'prompt' | null = null;
    const offsets = this.ends[h] as number;
    for (let o = 0; o < PHRASE_STRIDE; o++) {
      const at = end - 2 - o;
      if ((offsets & (1 << o)) === 0 || at < 0) continue;
      const first = o === 0 ? h : PhraseIndex.hash(foldUnit(text.charCodeAt(at)), foldUnit(text.charCodeAt(at + 1)), foldUnit(text.charCodeAt(at + 2)));
      if (this.isFiled(first)) kind = strongerPhrase(kind, this.kindAt(text, at, first, false));
    }
    return kind;
  }

  /**
   * The kind of phrase the NFKC lower-case form of `text` contains: 'legal' when any legal phrase
   * or the copyright sign occurs, else 'prompt' when a prompt does, else null. `text` is read
   * through foldUnit unless it is `folded` (in NFKC lower case) already; UNFOLDABLE when a unit
   * does not fold alone.
   */
  find(text: string, folded: boolean): 'legal' | 'prompt' | null | typeof UNFOLDABLE {
    let found: 'legal' | 'prompt' | null = null;
    let a = 0;
    let b = 0;
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      const c = folded ? unit : foldUnit(unit);
      if (c === UNFOLDED && !folded) return UNFOLDABLE;
      // after a legal phrase, the rest is read only to see that it folds
      if (found !== 'legal') {
        if (c === COPYRIGHT) found = 'legal';
        else if (i >= 2) {
          const h = PhraseIndex.hash(a, b, c);
          if (this.isFiled(h)) found = strongerPhrase(found, this.kindAt(text, i - 2, h, folded));
        }
        if (found === 'legal' && folded) return found;
      }
      a = b;
      b = c;
    }
    return found;
  }
}

/** The stronger of two phrase kinds: legal above prompt above none. */
export function strongerPhrase(a: 'legal' | 'prompt' | null, b: 'legal' | 'prompt' | null): 'legal' | 'prompt' | null {
  return a === 'legal' || b === null ? a : b === 'legal' || a === null ? b : a;
}

const PHRASE_INDEX = new PhraseIndex([
  ...LEGAL_PHRASES.map((p) => ({ phrase: p.toLowerCase(), legal: true })),
  ...PROMPT_PHRASES.map((p) => ({ phrase: p.toLowerCase(), legal: false })),
]);

/**
 * The phrase search done unit by unit by a caller that reads the text anyway (line-features.ts):
 * for each unit from the third on, with `a`, `b`, `c` the folds (foldUnit) of it and the two
 * before it, a phrase may start two units back only when `phraseFiled(phraseHash(a, b, c))`, and
 * `phraseAt` tells which; the copyright sign (COPYRIGHT) is a legal notice. Valid only for texts
 * whose every unit folds alone.
 */
export const phraseHash = PhraseIndex.hash;
export { COPYRIGHT };

export function phraseFiled(h: number): boolean {
  return PHRASE_INDEX.isFiled(h);
}

/** The table phraseFiled reads: non-zero at the hashes phrases are filed under. */
export const PHRASE_FILED: Uint8Array = PHRASE_INDEX.filed;

export function phraseAt(text: string, at: number, h: number): 'legal' | 'prompt' | null {
  return PHRASE_INDEX.kindAt(text, at, h, false);
}

/**
 * The strided form of the search above: a phrase has three units at each offset below
 * PHRASE_STRIDE (it is long enough, or its units there are never plain), so one of those trigrams
 * ends on any run of PHRASE_STRIDE places. A caller that hashes the three units ending at `end`
 * only at such places finds each phrase when `PHRASE_ENDS[h]` is not 0, and `phraseEndingAt` tells
 * which. Valid only for texts whose every unit folds alone.
 */
export const PHRASE_ENDS: Uint8Array = PHRASE_INDEX.ends;

export function phraseEndingAt(text: string, end: number, h: number): 'legal' | 'prompt' | null {
  return PHRASE_INDEX.kindEndingAt(text, end, h);
}

/** Which furniture phrase a line contains: a legal or cookie notice (or ©), a prompt, or none. */
export function furniturePhrase(text: string): 'legal' | 'prompt' | null {
  const kind = PHRASE_INDEX.find(text, false);
  return kind !== UNFOLDABLE ? kind : (PHRASE_INDEX.find(text.normalize('NFKC').toLowerCase(), true) as 'legal' | 'prompt' | null);
}

/** True when the line contains a furniture phrase (cookie banner, copyright line, share prompt). */
export function hasFurniturePhrase(text: string): boolean {
  return furniturePhrase(text) !== null;
}

/**
 * Headers that open a comment thread. A count may stand with them (`12 Comments`,
 * `Kommentare (3)`); what follows them is never the article.
 */
export const COMMENT_HEADERS: readonly string[] = [
  'comments', 'one comment', 'there are comments', 'there is comment', 'responses', 'one response',
  'leave a comment', 'leave a reply', 'add a comment', 'post a comment', 'join the conversation',
  'join the discussion', 'show comments', 'view comments', 'reader comments',
  'kommentare', 'kommentar schreiben', 'kommentieren', 'leserkommentare',
  'commentaires', 'commentaire', 'réagir', 'réactions', 'laisser un commentaire',
  'comentarios', 'deja un comentario', 'commenti', 'lascia un commento', 'comentários', 'deixe um comentário',
  'reacties', 'kommentarer', 'komentarze', 'komentáře', 'yorumlar', 'комментарии', 'коментарі', 'σχόλια',
  'التعليقات', 'تعليقات', 'نظرات', 'תגובות', '评论', '評論', 'コメント', '댓글',
];

/** Comment headers that go on with what they are about (`12 thoughts on "…"`). */
export const COMMENT_PREFIXES: readonly string[] = ['thoughts on', 'responses to', 'comments on', 'comments to', 'replies to'];

/**
 * Headers that open related headlines, recommendations and more from the site. Such a box may
 * also stand inside an article, so the article may go on after one. Headers of boxes that mostly
 * stand inside articles (`Read more`, `Lire aussi`, `See also`) are not listed.
 */
export const RELATED_HEADERS: readonly string[] = [
  // English
  'related', 'related articles', 'related stories', 'related posts', 'related content', 'related news',
  'related coverage', 'more stories', 'more news', 'more from', 'more articles', 'more on this story',
  'recommended', 'recommended for you', 'recommended stories', 'recommended articles', 'you may also like',
  'you might also like', 'you may be interested in', 'you might be interested in', 'from around the web',
  'around the web', 'promoted stories', 'sponsored stories', 'most popular', 'most read', 'most viewed',
  'trending', 'trending now', 'top stories', 'latest news', 'latest stories', 'what to read next', 'read next',
  'up next', 'like this', 'share this', 'in this article', 'discussion', 'latest', 'live', 'live updates',
  'just in', 'news feed',
  // German
  'mehr zum thema', 'das könnte sie auch interessieren', 'das könnte sie interessieren', 'weitere artikel',
  'weitere nachrichten', 'mehr nachrichten', 'ähnliche artikel', 'meistgelesen', 'meistgelesene artikel',
  'empfohlene artikel', 'auch interessant', 'mehr aus dem ressort', 'newsticker', 'liveticker',
  'neueste artikel',
  // French
  'sur le même sujet', 'articles similaires', 'articles liés', 'vous aimerez aussi', 'vous aimerez peut-être aussi',
  'les plus lus', 'à découvrir aussi', 'dans la même rubrique', 'direct', 'en direct', 'le fil info',
  'fil info', 'dernières infos', 'à la une',
  // Spanish, Italian, Portuguese
  'relacionados', 'noticias relacionadas', 'artículos relacionados', 'te puede interesar', 'también te puede interesar',
  'lo más leído', 'más noticias', 'correlati', 'articoli correlati', 'potrebbe interessarti', 'i più letti', 'altre notizie',
  'notícias relacionadas', 'artigos relacionados', 'mais lidas', 'mais notícias',
  // Dutch, Scandinavian, Polish, Czech, Turkish
  'gerelateerd', 'gerelateerde artikelen', 'meest gelezen', 'relaterat', 'relaterade artiklar', 'mest läst',
  'powiązane', 'powiązane artykuły', 'najczęściej czytane', 'související', 'související články', 'nejčtenější',
  'ilgili haberler', 'en çok okunanlar',
  // Russian, Ukrainian, Greek
  'похожие статьи', 'по теме', 'самое читаемое', 'схожі статті', 'σχετικά άρθρα', 'δημοφιλή',
  // Arabic, Persian, Hebrew
  'أخبار ذات صلة', 'مقالات ذات صلة', 'الأكثر قراءة', 'مطالب مرتبط', 'כתבות נוספות',
  // Chinese, Japanese, Korean
  '相关文章', '相关阅读', '相关新闻', '热门文章', '相關文章', '相關新聞', '関連記事', 'おすすめ記事', '관련기사',
  '많이 본 뉴스',
];

/** Related headers that go on with what they are about (`More from Science`). */
export const RELATED_PREFIXES: readonly string[] = ['more from', 'more stories from', 'mehr aus', 'mehr zum thema', 'plus d’articles', 'más artículos de'];

// The lists are written in key form (test/fullpage.test.ts checks): used as they are.
const keys = (list: readonly string[]): Set<string> => new Set(list);
const prefixKeys = (list: readonly string[]): string[] => list.map((p) => `${p} `);
const COMMENT_WHOLE = keys(COMMENT_HEADERS);
const COMMENT_PREFIX_KEYS = prefixKeys(COMMENT_PREFIXES);
const RELATED_WHOLE = keys(RELATED_HEADERS);
const RELATED_PREFIX_KEYS = prefixKeys(RELATED_PREFIXES);
/** Longest line (code points) read as an end header. */
const END_MAX_CHARS = 120;

/** The line's key without its counts (`12 comments` → `comments`). */
function withoutCounts(key: string): string {
  if (!/\d/.test(key)) return key;
  return key
    .split(' ')
    .filter((w) => !/^\d+$/.test(w))
    .join(' ');
}

/** What a header line opens: a comment thread, related headlines (or more from the site), or nothing. */
export type EndHeader = 'comments' | 'related' | null;

/** Read a line as the header of what pages print after an article. */
export function endHeader(text: string): EndHeader {
  if (text.length > END_MAX_CHARS) return null;
  const key = withoutCounts(furnitureKey(text));
  if (COMMENT_WHOLE.has(key) || COMMENT_PREFIX_KEYS.some((p) => key.startsWith(p))) return 'comments';
  if (RELATED_WHOLE.has(key) || RELATED_PREFIX_KEYS.some((p) => key.startsWith(p))) return 'related';
  return null;
}

/** True when the line is a header that opens comments, related headlines or more from the site. */
export function isEndHeader(text: string): boolean {
  return endHeader(text) !== null;
}
