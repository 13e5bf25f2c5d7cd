import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DIAGNOSTIC_CODES } from '../src/diagnostics/codes.js';
import { canonicalName, decodeInput, DEFAULT_MAX_BYTES, looksBinary, UnknownEncodingError } from '../src/source/decode.js';
import { decodeBytes } from '../src/source/codec.js';
import { scanUtf8 } from '../src/source/sniff.js';
import { isNonAsciiUtf8 } from '../src/input/html-charset.js';
import { readSourceText } from '../src/source/read-source-text.js';

const DATA = new URL('./data/encodings/', import.meta.url);
const read = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(name, DATA)));
const readText = (name: string): string => readFileSync(new URL(name, DATA), 'utf8');
const codes = (d: { diagnostics: { code: string }[] }): string[] => d.diagnostics.map((x) => x.code);
const hex = (h: string): Uint8Array => new Uint8Array(Buffer.from(h, 'hex'));
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Encode `text` in a single-byte code page, using the reverse of our own decoder over 0x80–0xFF. */
function encodeSingleByte(text: string, encoding: string): Uint8Array {
  const table = new Map<string, number>();
  for (let b = 0x80; b <= 0xff; b++) {
    const ch = decodeBytes(encoding, new Uint8Array([b])).text;
    if (ch !== '\ufffd' && !table.has(ch)) table.set(ch, b);
  }
  return new Uint8Array(
    [...text].map((ch) => {
      const code = ch.charCodeAt(0);
      if (code < 0x80) return code;
      const b = table.get(ch);
      if (b === undefined) throw new Error(`${ch} is not in ${encoding}`);
      return b;
    }),
  );
}

describe('legacy encodings are detected without options (fixtures made with iconv)', () => {
  const matrix: [file: string, original: string, encoding: string][] = [
    ['de.cp1252', 'de.utf8', 'windows-1252'],
    ['de.latin1', 'de.utf8', 'windows-1252'],
    ['fr.cp1252', 'fr.utf8', 'windows-1252'],
    ['fr-euro.cp1252', 'fr-euro.utf8', 'windows-1252'],
    ['fr-euro.iso885915', 'fr-euro.utf8', 'iso-8859-15'],
    ['ru.cp1251', 'ru.utf8', 'windows-1251'],
    ['ru.koi8r', 'ru.utf8', 'koi8-r'],
    ['tr.cp1254', 'tr.utf8', 'windows-1254'],
    ['ar.cp1256', 'ar.utf8', 'windows-1256'],
    ['ar.iso88596', 'ar.utf8', 'iso-8859-6'],
    ['zh-hans.gb18030', 'zh-hans.utf8', 'gb18030'],
    ['zh-hans.gbk', 'zh-hans.utf8', 'gb18030'],
    ['zh-hant.big5', 'zh-hant.utf8', 'big5'],
    ['ja.sjis', 'ja.utf8', 'shift_jis'],
    ['ko.euckr', 'ko.utf8', 'euc-kr'],
  ];
  it.each(matrix)('%s → %s as %s', (file, original, encoding) => {
    const d = decodeInput(read(file));
    expect(d.encoding).toBe(encoding);
    expect(d.text).toBe(readText(original));
    expect(codes(d)).toContain('ENCODING_DETECTED');
    expect(codes(d)).not.toContain('INVALID_BYTES');
    expect(d.confidence).toBeGreaterThan(0);
    expect(d.confidence).toBeLessThanOrEqual(1);
  });

  it('the shared example ar-rabat-entsalzung.cp1256.txt decodes as windows-1256', () => {
    const d = decodeInput(read('ar-rabat-entsalzung.cp1256.txt'));
    expect(d.encoding).toBe('windows-1256');
    expect(d.text.split('\n')[0]).toBe('الرباط: افتتاح أكبر محطة لتحلية مياه البحر في المغرب');
    expect(d.text).toContain('Rabat, Marokko');
    expect(d.text).not.toContain('\ufffd');
    expect(d.confidence).toBeGreaterThanOrEqual(0.6);
    expect(codes(d)).toEqual(['ENCODING_DETECTED']);
  });
});

describe('short texts (a few words)', () => {
  const singleByte: [text: string, encoding: string][] = [
    ['Grüße', 'windows-1252'],
    ['Straße in Köln', 'windows-1252'],
    ['Ça va très bien', 'windows-1252'],
    ['naïve café', 'windows-1252'],
    ['Zürich – „Grüezi“', 'windows-1252'],
    ['Çok güzel bir gün', 'windows-1254'],
    ['Işık', 'windows-1254'],
    ['İstanbul’da yağmur', 'windows-1254'],
    ['Preis: 5 €', 'iso-8859-15'],
    ['Москва', 'windows-1251'],
    ['Москва', 'koi8-r'],
    ['В городе идёт дождь', 'windows-1251'],
    ['В городе идёт дождь', 'koi8-r'],
    ['مرحبا بالعالم', 'windows-1256'],
    ['الرباط', 'windows-1256'],
  ];
  it.each(singleByte)('%s in %s', (text, encoding) => {
    const d = decodeInput(encodeSingleByte(text, encoding));
    expect(d.text).toBe(text);
    expect(d.encoding).toBe(encoding);
  });

  const multiByte: [text: string, hexBytes: string, encoding: string][] = [
    ['北京新闻', 'b1b1bea9d0c2cec5', 'gb18030'],
    ['臺北新聞', 'bb4fa55fb773bb44', 'big5'],
    ['東京のニュース', '938c8b9e82cc836a8385815b8358', 'shift_jis'],
    ['서울 뉴스', 'bcadbfef20b4babdba', 'euc-kr'],
    ['Привет, мир', 'f0d2c9d7c5d42c20cdc9d2', 'koi8-r'],
    ['Привет, мир', 'cff0e8e2e5f22c20ece8f0', 'windows-1251'],
    ['مرحبا بالعالم', 'e5d1cdc8c720c8c7e4d9c7e4e5', 'iso-8859-6'],
  ];
  it.each(multiByte)('%s in %s', (text, h, encoding) => {
    const d = decodeInput(hex(h));
    expect(d.text).toBe(text);
    expect(d.encoding).toBe(encoding);
  });

  it('a one-word text gets a confidence below 1 and an uncertainty warning when it is ambiguous', () => {
    const d = decodeInput(encodeSingleByte('Grüße', 'windows-1252'));
    expect(d.confidence).toBeLessThan(0.6);
    expect(codes(d)).toEqual(['ENCODING_DETECTED', 'ENCODING_UNCERTAIN']);
  });

  it('ISO-2022-JP (7-bit, valid UTF-8 on its face) is recognised by its escape sequences', () => {
    const d = decodeInput(hex('1b2442456c357e244e45373524244f4032246c2447243921231b2842'));
    expect(d.encoding).toBe('iso-2022-jp');
    expect(d.text).toBe('東京の天気は晴れです。');
  });
});

describe('UTF-8, BOMs and forced encodings', () => {
  it('valid UTF-8 in any script is UTF-8 with confidence 1 and no diagnostics', () => {
    for (const f of readdirSync(DATA).filter((n) => n.endsWith('.utf8'))) {
      const d = decodeInput(read(f));
      expect(d.encoding, f).toBe('utf-8');
      expect(d.confidence).toBe(1);
      expect(d.diagnostics, f).toEqual([]);
      expect(d.text).toBe(readText(f));
    }
  });

  it('ASCII is UTF-8; empty input is empty UTF-8 text (the pipeline reports EMPTY_INPUT)', () => {
    expect(decodeInput(utf8('plain ascii'))).toMatchObject({ text: 'plain ascii', encoding: 'utf-8', confidence: 1, diagnostics: [] });
    expect(decodeInput(new Uint8Array(0))).toMatchObject({ text: '', encoding: 'utf-8', diagnostics: [] });
    expect(decodeInput(utf8('  \n\t '))).toMatchObject({ text: '  \n\t ', encoding: 'utf-8', diagnostics: [] });
  });

  it.each([
    ['efbbbf', 'utf-8', utf8('Grüße')],
    ['fffe', 'utf-16le', new Uint8Array(Buffer.from('Grüße', 'utf16le'))],
    ['feff', 'utf-16be', new Uint8Array(Buffer.from('Grüße', 'utf16le').swap16())],
    ['fffe0000', 'utf-32le', new Uint8Array([0x47, 0, 0, 0, 0xfc, 0, 0, 0])],
    ['0000feff', 'utf-32be', new Uint8Array([0, 0, 0, 0x47, 0, 0, 0, 0xfc])],
  ])('BOM %s → %s, BOM removed', (bom, encoding, body) => {
    const d = decodeInput(new Uint8Array([...hex(bom), ...body]));
    expect(d.encoding).toBe(encoding);
    expect(d.text).toBe(encoding.startsWith('utf-32') ? 'Gü' : 'Grüße');
    expect(codes(d)).toEqual(['BOM_REMOVED']);
    expect(d.confidence).toBe(1);
  });

  it('a forced encoding wins over detection and its BOM is removed', () => {
    const bytes = encodeSingleByte('Привет', 'windows-1251');
    expect(decodeInput(bytes, { encoding: 'koi8-r' })).toMatchObject({ encoding: 'koi8-r', confidence: 1 });
    expect(decodeInput(bytes, { encoding: 'CP1251' })).toMatchObject({ text: 'Привет', encoding: 'windows-1251' });
    const d = decodeInput(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('x')]), { encoding: 'utf-8' });
    expect(d.text).toBe('x');
    expect(codes(d)).toEqual(['BOM_REMOVED']);
    expect(decodeInput(new Uint8Array([0x41, 0, 0, 0]), { encoding: 'utf-32' }).text).toBe('A');
  });

  it('an unknown forced encoding is a usage error', () => {
    expect(() => decodeInput(utf8('x'), { encoding: 'klingon-8' })).toThrow(UnknownEncodingError);
    expect(() => canonicalName('nope')).toThrow(UnknownEncodingError);
    expect(canonicalName('latin1')).toBe('windows-1252');
  });

  it('windows-1252 decodes 0x80–0x9F as the standard says (Node decodes them as C1 controls)', () => {
    const d = decodeInput(new Uint8Array([0x80, 0x20, 0x93, 0x4f, 0x4b, 0x94, 0x20, 0x96, 0x20, 0x9c]), { encoding: 'windows-1252' });
    expect(d.text).toBe('€ “OK” – œ');
    expect(decodeInput(new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x80, 0x35])).text).toBe('café €5');
  });
});

describe('invalid bytes become U+FFFD with a counted warning, never an exception', () => {
  it('UTF-8 with one stray byte stays UTF-8', () => {
    const bytes = new Uint8Array([...utf8('Grüße aus München und '), 0xff, ...utf8(' Köln, schön.')]);
    const d = decodeInput(bytes);
    expect(d.encoding).toBe('utf-8');
    expect(d.text).toBe('Grüße aus München und \ufffd Köln, schön.');
    expect(codes(d)).toEqual(['INVALID_BYTES']);
    expect(d.diagnostics[0]!.message).toMatch(/^1 invalid byte sequence /);
    expect(d.diagnostics[0]!.severity).toBe('warning');
    expect(d.confidence).toBeLessThan(1);
  });

  it('U+FFFD already in valid input is not counted', () => {
    const bytes = new Uint8Array([...utf8('Ärger � über Öl '), 0xc3, ...utf8(' und ü, ä, ö, ß '), 0xe2, 0x82]);
    const d = decodeInput(bytes);
    expect(d.encoding).toBe('utf-8');
    expect(d.diagnostics.find((x) => x.code === 'INVALID_BYTES')!.message).toMatch(/^2 invalid/);
    expect([...d.text].filter((c) => c === '\ufffd')).toHaveLength(3);
  });

  it('valid UTF-8 with U+FFFD has no INVALID_BYTES', () => {
    expect(codes(decodeInput(utf8('a � b')))).toEqual([]);
  });

  it('a truncated multi-byte character at the end counts once', () => {
    const d = decodeInput(new Uint8Array([...utf8('Tschüss und Grüße '), 0xe2, 0x82]));
    expect(d.text.endsWith('\ufffd')).toBe(true);
    expect(d.diagnostics[0]!.message).toMatch(/^1 invalid/);
  });

  it('a forced multi-byte encoding counts its invalid sequences', () => {
    const d = decodeInput(hex('938c8b9e82ff'), { encoding: 'shift_jis' });
    expect(d.text.startsWith('東京')).toBe(true);
    expect(codes(d)).toEqual(['INVALID_BYTES']);
  });

  it('bytes that fit no encoding stay UTF-8 with U+FFFD and an uncertainty warning', () => {
    const d = decodeInput(new Uint8Array([0x61, 0x62, 0x20, 0xc3, 0xa9, 0x20, 0xff, 0xfe, 0xfd, 0xfc, 0xfb, 0xfa, 0xf9, 0xf8, 0xc3, 0xa9]));
    expect(d.text).not.toBe('');
    expect(codes(d)).toContain('ENCODING_UNCERTAIN');
  });

  it('scanUtf8 counts like TextDecoder', () => {
    for (const h of ['41', 'c3a9', 'ff', 'e282', 'e282ac', 'eda080', 'f09f9880', 'f4908080', 'c0af', 'e2ff', 'c3']) {
      const bytes = hex(h);
      const replaced = [...new TextDecoder().decode(bytes)].filter((c) => c === '\ufffd').length;
      expect(scanUtf8(bytes).invalid, h).toBe(replaced);
    }
  });

  it('isNonAsciiUtf8 (native validators) agrees with the scan: valid multi-byte sequences and no invalid one', () => {
    const byScan = (bytes: Uint8Array): boolean => {
      const scan = scanUtf8(bytes);
      return scan.valid > 0 && scan.invalid === 0;
    };
    for (const h of ['', '41', 'c3a9', 'ff', 'e282', 'e282ac', 'eda080', 'f09f9880', 'f4908080', 'c0af', 'e2ff', 'c3', 'efbbbf41', '41c3']) {
      expect(isNonAsciiUtf8(hex(h)), h).toBe(byScan(hex(h)));
    }
    // random bytes, and valid UTF-8 (astral characters and lone surrogates included) with a byte changed
    const damaged = fc.tuple(fc.string({ unit: 'binary', maxLength: 200 }), fc.nat(), fc.integer({ min: 0, max: 0xff })).map(([text, at, byte]) => {
      const bytes = utf8(text);
      if (bytes.length > 0 && at % 3 !== 0) bytes[at % bytes.length] = byte;
      return bytes;
    });
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 300 }), damaged), (bytes) => {
        expect(isNonAsciiUtf8(bytes)).toBe(byScan(bytes));
      }),
      { numRuns: 3000 },
    );
  });

  it('never throws and always reports known diagnostic codes (random bytes)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        const d = decodeInput(bytes);
        expect(typeof d.text).toBe('string');
        expect(d.confidence).toBeGreaterThanOrEqual(0);
        expect(d.confidence).toBeLessThanOrEqual(1);
        for (const x of d.diagnostics) expect(Object.keys(DIAGNOSTIC_CODES)).toContain(x.code);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on random high-byte text (legacy-looking input)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0x20, max: 0xff }), { maxLength: 300 }), (arr) => {
        const d = decodeInput(new Uint8Array(arr));
        expect(d.encoding).not.toBe('');
      }),
      { numRuns: 1000 },
    );
  });
});

describe('binary input is refused with NOT_TEXT', () => {
  const png = hex('89504e470d0a1a0a0000000d4948445200000001');
  const pdf = utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n');
  const gzip = new Uint8Array(gzipSync(Buffer.from('Hallo Welt, das ist ein Text.')));
  const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00]);
  const gif = utf8('GIF89a\u0001\u0000\u0001\u0000');
  const jpeg = hex('ffd8ffe000104a464946000101');
  const nul = new Uint8Array([...utf8('Ein Text mit '), 0, ...utf8(' NUL-Byte')]);
  it.each([
    ['PNG', png],
    ['PDF', pdf],
    ['gzip', gzip],
    ['ZIP', zip],
    ['GIF', gif],
    ['JPEG', jpeg],
    ['NUL bytes', nul],
  ])('%s', (name, bytes) => {
    const d = decodeInput(bytes);
    expect(d).toMatchObject({ text: '', encoding: 'binary' });
    expect(codes(d)).toEqual(['NOT_TEXT']);
    expect(d.diagnostics[0]!.severity).toBe('error');
    expect(d.diagnostics[0]!.message).toContain(name);
    expect(looksBinary(bytes)).toBe(true);
  });

  it('UTF-16 without a BOM is text, not binary (its NUL bytes sit on one side)', () => {
    const le = new Uint8Array(Buffer.from('Grüße aus München, привет!', 'utf16le'));
    expect(decodeInput(le)).toMatchObject({ text: 'Grüße aus München, привет!', encoding: 'utf-16le' });
    const be = new Uint8Array(Buffer.from('Hello, world, again', 'utf16le').swap16());
    expect(decodeInput(be)).toMatchObject({ text: 'Hello, world, again', encoding: 'utf-16be' });
    // NUL bytes at random places are still binary
    expect(codes(decodeInput(new Uint8Array([0x41, 0, 0, 0x42, 0x43, 0, 0x44, 0x45, 0, 0, 0x46, 0x47])))).toEqual(['NOT_TEXT']);
  });

  it('a forced single-byte encoding does not let a binary file through', () => {
    expect(codes(decodeInput(png, { encoding: 'windows-1252' }))).toEqual(['NOT_TEXT']);
  });

  it('text that merely starts like a signature is text', () => {
    for (const t of ['BZh ist kein Archiv.', 'RIFF im Riff', 'PK Hamburg: Pressekonferenz', '%PDF ist ein Dateiformat', 'GIF ist ein Bildformat']) {
      const d = decodeInput(utf8(t));
      expect(d.text, t).toBe(t);
      expect(looksBinary(utf8(t))).toBe(false);
    }
  });

  it('tabs, form feeds and ESC are text', () => {
    expect(decodeInput(utf8('a\tb\fc\u001b[0m d\r\n')).diagnostics).toEqual([]);
  });
});

describe('maxBytes', () => {
  it('defaults to 64 MiB', () => {
    expect(DEFAULT_MAX_BYTES).toBe(64 * 1024 * 1024);
  });

  it('past the limit: INPUT_TOO_LARGE error naming sizes and the option, no text', () => {
    const d = decodeInput(utf8('0123456789A'), { maxBytes: 10 });
    expect(d).toMatchObject({ text: '', encoding: 'unknown', confidence: 0 });
    expect(codes(d)).toEqual(['INPUT_TOO_LARGE']);
    expect(d.diagnostics[0]!.severity).toBe('error');
    expect(d.diagnostics[0]!.message).toContain('11 bytes');
    expect(d.diagnostics[0]!.message).toContain('--max-bytes');
  });

  it('at the limit is fine; Infinity turns it off', () => {
    expect(decodeInput(utf8('0123456789'), { maxBytes: 10 }).text).toBe('0123456789');
    expect(decodeInput(utf8('0123456789'), { maxBytes: Infinity }).text).toBe('0123456789');
  });

  it('the limit is checked before anything else (a huge binary is too large, not "not text")', () => {
    expect(codes(decodeInput(new Uint8Array(100), { maxBytes: 50 }))).toEqual(['INPUT_TOO_LARGE']);
  });
});

describe('a declared charset is read only from what is taken for HTML', () => {
  const page = Buffer.from('<!doctype html><html><head><meta charset="windows-1252"><title>Caf\u00e9</title></head><body><p>Caf\u00e9 cr\u00e8me</p></body></html>', 'latin1');
  const declared = (path: string | null, inputFormat: 'auto' | 'text' | 'html' = 'auto'): boolean =>
    readSourceText(page, { path, inputFormat }).diagnostics.some((d) => d.code === 'ENCODING_DECLARED');

  it('by the file name, the option, or else the first bytes', () => {
    expect(declared('page.html')).toBe(true);
    expect(declared(null)).toBe(true);
    expect(declared('page.txt', 'html')).toBe(true);
    expect(declared('page.txt')).toBe(false);
    expect(declared(null, 'text')).toBe(false);
    expect(readSourceText(page, { path: 'page.html', inputFormat: 'auto' }).text).toContain('Caf\u00e9 cr\u00e8me');
  });
});
