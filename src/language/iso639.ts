/**
 * ISO 639-3 codes (as returned by the language identifier) → BCP 47 primary language subtags.
 * Two-letter ISO 639-1 codes where one exists (BCP 47 requires the shortest form); individual
 * languages of a macrolanguage map to the macrolanguage's code where that is what people use
 * (`arb` → `ar`, `cmn` → `zh`, `pes` → `fa`). Codes not listed are kept as they are, which is valid
 * BCP 47 for languages without a two-letter code.
 */
export const ISO639_3_TO_BCP47: Readonly<Record<string, string>> = {
  afr: 'af', als: 'sq', amh: 'am', arb: 'ar', azj: 'az', bam: 'bm', bel: 'be', ben: 'bn', bod: 'bo',
  bos: 'bs', bul: 'bg', cat: 'ca', ces: 'cs', cmn: 'zh', dan: 'da', deu: 'de', ekk: 'et', ell: 'el',
  eng: 'en', epo: 'eo', ewe: 'ee', fin: 'fi', fra: 'fr', glg: 'gl', guj: 'gu', hat: 'ht', hau: 'ha',
  heb: 'he', hin: 'hi', hrv: 'hr', hun: 'hu', hye: 'hy', ibo: 'ig', iii: 'ii', ind: 'id', ita: 'it',
  jav: 'jv', jpn: 'ja', kan: 'kn', kat: 'ka', kaz: 'kk', khk: 'mn', khm: 'km', kin: 'rw', kir: 'ky',
  kor: 'ko', lao: 'lo', lin: 'ln', lit: 'lt', lug: 'lg', lvs: 'lv', mal: 'ml', mar: 'mr', mkd: 'mk',
  mya: 'my', nld: 'nl', nno: 'nn', nob: 'nb', npi: 'ne', nya: 'ny', pan: 'pa', pbu: 'ps', pes: 'fa',
  plt: 'mg', pol: 'pl', por: 'pt', ron: 'ro', run: 'rn', rus: 'ru', sag: 'sg', sin: 'si', slk: 'sk',
  slv: 'sl', sna: 'sn', som: 'so', sot: 'st', spa: 'es', srp: 'sr', ssw: 'ss', sun: 'su', swe: 'sv',
  swh: 'sw', tam: 'ta', tat: 'tt', tel: 'te', tgk: 'tg', tgl: 'tl', tha: 'th', tir: 'ti', tsn: 'tn',
  tso: 'ts', tuk: 'tk', tur: 'tr', uig: 'ug', ukr: 'uk', urd: 'ur', uzn: 'uz', ven: 've', vie: 'vi',
  wol: 'wo', xho: 'xh', ydd: 'yi', yor: 'yo', zlm: 'ms', zul: 'zu',
};

/** The BCP 47 tag for an ISO 639-3 code; `und` stays `und`. */
export function toBcp47(code: string): string {
  return ISO639_3_TO_BCP47[code] ?? code;
}
