/**
 * plausibility: how much a decoded text looks like real writing.
 *
 * Used to choose between the readings of bytes in different legacy encodings. Every character
 * outside ASCII earns points: common letters of their script score high, other letters a little,
 * replacement characters, C1 controls and private-use characters are heavily penalised, and odd
 * symbols, letters of two scripts glued together and upper-case letters inside lower-case words
 * cost points. The result is the average over the non-ASCII characters. One pass, no regular
 * expressions, linear in the length of the text.
 */

import { LETTER, LOWERCASE, MARK, UPPERCASE, unicodeProperties } from '../util/unicode-props.js';

/** Scripts the scorer tells apart. `cjk` covers Han, kana and Hangul together. */
type Script = 'latin' | 'greek' | 'cyrillic' | 'hebrew' | 'arabic' | 'thai' | 'devanagari' | 'han' | 'kana' | 'hangul' | 'other';

function setOf(chars: string): ReadonlySet<number> {
  const s = new Set<number>();
  for (const ch of chars) s.add(ch.codePointAt(0)!);
  return s;
}

/** The non-ASCII letters typical of each Latin-script language the detector must tell apart. */
const LATIN_PROFILES: readonly ReadonlySet<number>[] = [
  setOf('äöüß'), // German
  setOf('éèàçêâîôûëïùœ'), // French
  setOf('ñáíóúéü'), // Spanish
  setOf('ãõáéíóúâêôçà'), // Portuguese
  setOf('şğıİçöüâî'), // Turkish
  setOf('ąęłśćżźńó'), // Polish
  setOf('čřšžěůýáíéúťďň'), // Czech / Slovak
  setOf('åæøéö'), // Nordic
  setOf('ăâîșțşţ'), // Romanian
  setOf('őűáéíóöü'), // Hungarian
];

const COMMON: Partial<Record<Script, ReadonlySet<number>>> = {
  cyrillic: setOf('оеаинтсрвлі'),
  greek: setOf('αοιετσνηυρπκμλςάέίόήωύ'),
  arabic: setOf('اليمونهرتبعدةفكسقأإی'),
  hebrew: setOf('יוהלרםמאבנתשדעכקפצ'),
  hangul: setOf(
    '이다는의에가하고을를서한지기로리사자도인어대있수국보시정아나해주전일적으여게라제부것들장만소년원과중세상화요우동위문성회구비관생내학경까면없해지않및그러며되었습니다했던할사람우리시간오늘함께',
  ),
  han: setOf(
    '的一是不了人我在有他这這为為之大来來以个個中上们們到说說国國和地也子时時道出而要于於就下得可你年生自会會那后後能对對着著事其里裡所去行过過家十用发發天如然作方成者多日都三小军軍二无無同么麼经經法当當起与與好看学學进進种種将將还還分此心前面又定见見只主没沒公从從知使市区區新发展业業部门門府政工作员員报報全开開高月本长長现現实實合力机機关關动動题題问問会议議记記体體表示通过重要目标標经济濟社会文化民城建设設企产產品场場提供服务務管理教育科技术術网網络絡信息数數据據研究发现情况況增加万萬亿億元美欧歐俄日韩韓港台北京上海广廣州深圳杭南西东東',
  ),
};

const CYRILLIC_VOWELS = setOf('аеёиоуыэюяіїєў');

/** Punctuation and symbols that real text uses freely; they neither earn nor cost much. */
const GOOD_PUNCT = setOf(
  '\u00a0«»„“”‘’‚–—…•·€£°§©®™¿¡،؛؟۔٪٫٬。、，！？：；（）「」『』《》〈〉・\u3000【】〔〕～',
);

/** Symbols that appear in real text but are typical of a wrong code page. */
const ODD_SYMBOLS = setOf('¤¦¨¯´¸¹²³¼½¾±×÷µ¶¬ª º¢¥‰‡†ƒˆ˜‹›¯');

function scriptOf(cp: number): Script {
  if (cp < 0x80) return (cp | 0x20) >= 0x61 && (cp | 0x20) <= 0x7a ? 'latin' : 'other';
  if (cp >= 0xc0 && cp <= 0x24f && cp !== 0xd7 && cp !== 0xf7) return 'latin';
  if (cp >= 0x1e00 && cp <= 0x1eff) return 'latin';
  if (cp >= 0x370 && cp <= 0x3ff) return 'greek';
  if (cp >= 0x400 && cp <= 0x52f) return 'cyrillic';
  if (cp >= 0x590 && cp <= 0x5ff) return 'hebrew';
  if ((cp >= 0x600 && cp <= 0x6ff) || (cp >= 0x750 && cp <= 0x77f) || (cp >= 0xfb50 && cp <= 0xfdff) || (cp >= 0xfe70 && cp <= 0xfeff))
    return 'arabic';
  if (cp >= 0x900 && cp <= 0x97f) return 'devanagari';
  if (cp >= 0xe00 && cp <= 0xe7f) return 'thai';
  if ((cp >= 0x3040 && cp <= 0x30ff) || (cp >= 0xff66 && cp <= 0xff9f)) return 'kana';
  if ((cp >= 0xac00 && cp <= 0xd7af) || (cp >= 0x1100 && cp <= 0x11ff) || (cp >= 0x3130 && cp <= 0x318f)) return 'hangul';
  if ((cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x2fa1f))
    return 'han';
  return 'other';
}


/** Cache of per-character classes: the texts scored are short samples, but characters repeat. */
interface CharInfo {
  script: Script;
  letter: boolean;
  mark: boolean;
  upper: boolean;
  lower: boolean;
  lowerCp: number;
}
const infoCache = new Map<number, CharInfo>();
function infoOf(cp: number): CharInfo {
  let info = infoCache.get(cp);
  if (info === undefined) {
    const ch = String.fromCodePoint(cp);
    const properties = unicodeProperties(cp);
    const letter = (properties & LETTER) !== 0;
    const mark = (properties & MARK) !== 0;
    info = {
      script: letter || mark ? scriptOf(cp) : 'other',
      letter,
      mark: !letter && mark,
      upper: (properties & UPPERCASE) !== 0,
      lower: (properties & LOWERCASE) !== 0,
      // U+0130 (capital I with dot) lower-cases to i + combining dot; keep it as itself so the Turkish profile can see it
      lowerCp: cp === 0x130 ? cp : (ch.toLowerCase().codePointAt(0) ?? cp),
    };
    if (infoCache.size < 20000) infoCache.set(cp, info);
  }
  return info;
}

/** Scripts whose words are written with letters of one script only. CJK mixes scripts freely. */
function isAlphabetic(s: Script): boolean {
  return s === 'latin' || s === 'greek' || s === 'cyrillic' || s === 'hebrew' || s === 'arabic' || s === 'thai' || s === 'devanagari';
}

/** The result of scoring one decoded text. */
export interface Plausibility {
  /** Average points per non-ASCII character, roughly −5 (garbage) to 2 (clean, common letters). */
  score: number;
  /** Number of non-ASCII characters scored. */
  nonAscii: number;
}

/**
 * Score how plausible `text` is as real writing (see the module comment). Pure ASCII scores 0 with
 * `nonAscii` 0.
 */
export function plausibility(text: string): Plausibility {
  let total = 0;
  let nonAscii = 0;
  let latinLetters = 0;
  let latinNonAscii = 0;
  const latinHits = new Array<number>(LATIN_PROFILES.length).fill(0);
  // Latin letters are scored after the pass, once we know which language profile fits best.
  const latinChars: number[] = [];
  let cyrillicLetters = 0;
  let cyrillicVowels = 0;
  let prev: CharInfo | null = null;
  let prevCp = 0x20;
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
        i++;
      }
    }
    if (cp < 0x80) {
      const isLetter = (cp | 0x20) >= 0x61 && (cp | 0x20) <= 0x7a;
      if (isLetter) {
        latinLetters++;
        // a Latin letter glued to a letter of another alphabetic script
        if (prev !== null && prev.letter && prev.script !== 'latin' && isAlphabetic(prev.script)) total -= 2;
        // upper case after a non-ASCII lower-case letter inside a word
        if (prev !== null && prev.lower && prevCp >= 0x80 && cp <= 0x5a) total -= 1;
        prev = ASCII_LETTER_INFO[cp <= 0x5a ? 0 : 1]!;
      } else prev = null;
      prevCp = cp;
      continue;
    }
    nonAscii++;
    if (
      cp === 0xfffd ||
      (cp >= 0x80 && cp <= 0x9f) ||
      (cp >= 0xe000 && cp <= 0xf8ff) ||
      (cp >= 0xd800 && cp <= 0xdfff) ||
      cp === 0xfffe ||
      cp === 0xffff
    ) {
      total -= 5;
      prev = null;
      prevCp = cp;
      continue;
    }
    const info = infoOf(cp);
    if (info.letter) {
      let points: number;
      if (info.script === 'latin') {
        latinLetters++;
        latinNonAscii++;
        for (let p = 0; p < LATIN_PROFILES.length; p++) if (LATIN_PROFILES[p]!.has(info.lowerCp)) latinHits[p]!++;
        latinChars.push(info.lowerCp);
        points = 0; // added after the pass
      } else if (info.script === 'kana') {
        points = cp >= 0xff66 ? 0 : 2;
      } else {
        if (info.script === 'cyrillic') {
          cyrillicLetters++;
          if (CYRILLIC_VOWELS.has(info.lowerCp)) cyrillicVowels++;
        }
        const common = COMMON[info.script];
        if (common !== undefined) points = common.has(info.lowerCp) ? 2 : info.script === 'han' || info.script === 'hangul' ? 0.2 : 0.5;
        else points = info.script === 'other' ? -1 : 1;
      }
      if (prev !== null && prev.letter) {
        // two alphabetic scripts glued together inside one word
        if (prev.script !== info.script && (isAlphabetic(prev.script) || isAlphabetic(info.script))) {
          if (!(isCjk(prev.script) && isCjk(info.script))) points -= 2;
        }
        // an upper-case letter after a lower-case one: pRIVET, the mark of a swapped code page
        if (info.upper && prev.lower) points -= 2;
      }
      // an upper-case letter inside a word earns little: real words capitalise their first letter
      if (info.upper && prev !== null && prev.letter && points > 0.5) points = 0.5;
      total += points;
      prev = info;
    } else if (info.mark) {
      total += prev !== null && prev.letter ? 1 : -2;
      // a mark keeps the word going
    } else if (GOOD_PUNCT.has(cp)) {
      total += 0.5;
      prev = null;
    } else if (ODD_SYMBOLS.has(cp)) {
      total -= 1.5;
      prev = null;
    } else {
      // other symbols, box drawing, unusual punctuation
      total -= 1;
      prev = null;
    }
    prevCp = cp;
  }
  if (latinChars.length > 0) {
    let best = 0;
    for (let p = 1; p < latinHits.length; p++) if (latinHits[p]! > latinHits[best]!) best = p;
    const profile = LATIN_PROFILES[best]!;
    // Real Latin-script languages write most letters in ASCII; a text where most Latin letters
    // are accented is another script read through a Latin code page.
    const accentedShare = latinNonAscii / latinLetters;
    const foreign = accentedShare > 0.6 || (accentedShare > 0.35 && latinNonAscii >= 8);
    for (const cp of latinChars) {
      if (foreign) total -= 1;
      else total += profile.has(cp) ? 2 : 0.3;
    }
  }
  // Russian, Ukrainian and Bulgarian text is about 40 % vowels; a wrong code page scatters them.
  if (cyrillicLetters >= 4 && cyrillicVowels / cyrillicLetters < 0.25) total -= cyrillicLetters;
  return { score: nonAscii === 0 ? 0 : total / nonAscii, nonAscii };
}

function isCjk(s: Script): boolean {
  return s === 'han' || s === 'kana' || s === 'hangul';
}

const ASCII_LETTER_INFO: readonly CharInfo[] = [
  { script: 'latin', letter: true, mark: false, upper: true, lower: false, lowerCp: 0 },
  { script: 'latin', letter: true, mark: false, upper: false, lower: true, lowerCp: 0 },
];
