import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeInput } from '../src/source/decode.js';
import { decodeBytes } from '../src/source/codec.js';
import { countSuspicious, repairMojibake } from '../src/source/mojibake.js';

const DATA = new URL('./data/encodings/', import.meta.url);
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
/** What a program that read UTF-8 as windows-1252 saved. */
const viaCp1252 = (s: string): string => decodeBytes('windows-1252', utf8(s)).text;
/** What a program that read UTF-8 as ISO-8859-1 saved (C1 controls for 0x80–0x9F). */
const viaLatin1 = (s: string): string => Buffer.from(s, 'utf8').toString('latin1');

/** Correct text in many languages, written for these tests. */
const CORRECT: readonly string[] = [
  'Die Bürgerinnen und Bürger in Göttingen stimmen über die Straßenbahn ab.',
  'Das ist meine Straße“, sagte sie. „GROẞ UND KLEIN“ – so heißt die Ausstellung.',
  'Er rief: „AUSSTEIGEN!“ und die Türen schlossen sich. ÄRGER IM ÖPNV…',
  'Le conseil municipal a voté à l’unanimité : « C’est un très bon début », a déclaré le maire.',
  'Il est allé\u00a0» puis il est revenu. CAFÉ» ÉTÉ\u00a0: prix 3\u00a0€.',
  'Ça coûte cher ; où est la gare ? Noël, naïf, Œuvre, cœur, ÇA VA.',
  'El niño comió paella en Cádiz; ¿vendrá mañana? ¡Sí, señor!',
  'São Paulo e Brasília: a água está ótima. IRMÃ” disse o jornal. MAÇÃ» AÇÃO',
  'Ãgua (grafia antiga), SÃO JOÃO, CAPITÃ, MÃE, ÃO',
  'İzmir’de yeni metro hattı için ilk kazma vuruldu. Işık, ağaç, çiçek, şehir, üçüncü.',
  'Zażółć gęślą jaźń. Łódź i Kraków. Příliš žluťoučký kůň úpěl ďábelské ódy.',
  'Þingvellir og Ísland; Ð ð Þ þ Æ æ Ø ø Å å. Dansk: Ærø, Øresund, Århus.',
  'Română: În București, ţară şi țară; ÎNCEPUT, ÂNCĂ.',
  'Magyar: Győr, Pécs, Szőlő, ŐRZŐ.',
  'Tiếng Việt: Hà Nội đã có mưa, người dân ở nhà.',
  'الرباط: افتتاح أكبر محطة لتحلية مياه البحر في المغرب، وقال الوزير إن المشروع سيخدم مليون نسمة.',
  'تهران؛ پایتخت ایران است. آیا این درست است؟ اردو: یہ ایک کتاب ہے۔',
  'ירושלים היא עיר הבירה. "שלום", אמר.',
  'Новосибирск: трамвайная линия откроется в пятницу. «Это важный шаг», — сказал мэр.',
  'Київ, Львів і Одеса: їжак, ґанок, євро.',
  'Η Αθήνα είναι η πρωτεύουσα της Ελλάδας. «Καλημέρα», είπε.',
  '杭州：亚运会场馆赛后利用情况调查。观众说：“很好！”',
  '台北市政府表示，捷運新路線將於明年通車。',
  '東京都は新しい地下鉄の路線を発表しました。「便利になる」と話す。',
  '서울시는 새로운 버스 노선을 발표했다. “좋은 소식”이라고 말했다.',
  'กรุงเทพมหานครเป็นเมืองหลวงของประเทศไทย',
  'नई दिल्ली में बारिश हुई। लोग खुश हैं।',
  'Symbols: © 2025, 25 °C, ± 3, × 2, ½ Liter, § 5, µg, ¼, ¾, ¹²³, ™, ®, ¶, ·, ¿, ¡, ¤.',
  'Emoji: 😀 👍🏽 🇩🇪 – and a BOM\ufeff in the middle, a soft\u00adhyphen, a no\u00a0break.',
  'Prices: £5, ¥300, €12,50; ‰, †, ‡, •, ‹a›, “quoted”, ‘single’, „low“, ‚low‘.',
  'Â, Ã, Ä, Å at the start of words: Ãlvaro, Ânsia, Ärger, Ångström. A Ã. B Â.',
  'Ø Ù Ú Û Ü Ý Þ ß × all alone; ØRESUND, ÜBER, ßIG.',
  'ASCII only: The quick brown fox jumps over the lazy dog 0123456789 !"#$%&\'()*+,-./',
];

function sharedFixtures(): [string, string][] {
  const dirs = ['/work/shared/examples'];
  const out: [string, string][] = [];
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir)) {
      if (f.includes('mojibake') || f.includes('cp1256')) continue;
      out.push([f, readFileSync(`${dir}/${f}`, 'utf8')]);
    }
  }
  const corpus = '/work/shared/corpora/readability-pages';
  if (existsSync(corpus)) {
    for (const d of readdirSync(corpus)) {
      for (const name of ['source.innertext.txt', 'expected.innertext.txt']) {
        const p = `${corpus}/${d}/${name}`;
        if (existsSync(p)) out.push([`${d}/${name}`, readFileSync(p, 'utf8')]);
      }
    }
  }
  return out;
}

describe('repairMojibake repairs', () => {
  it('de-muenchen-mojibake.txt (the shared example)', () => {
    const raw = readFileSync(new URL('de-muenchen-mojibake.txt', DATA), 'utf8');
    const r = repairMojibake(raw);
    expect(r.text.split('\n')[0]).toBe('Münchner Stadtrat beschließt kostenloses Schülerticket');
    expect(r.text).toContain('München, Deutschland');
    expect(r.text).toContain('Landeshauptstadt München');
    expect(r.text).not.toContain('Ã');
    expect(r.repairs).toBeGreaterThan(10);
  });

  it('decodeInput repairs it with a MOJIBAKE_REPAIRED diagnostic that counts', () => {
    const d = decodeInput(new Uint8Array(readFileSync(new URL('de-muenchen-mojibake.txt', DATA))));
    expect(d.encoding).toBe('utf-8');
    expect(d.text.startsWith('Münchner Stadtrat beschließt kostenloses Schülerticket')).toBe(true);
    expect(d.text).not.toContain('Ã');
    const diag = d.diagnostics.find((x) => x.code === 'MOJIBAKE_REPAIRED');
    expect(diag?.severity).toBe('info');
    expect(diag?.message).toMatch(/^\d+ character/);
  });

  it('the repair can be switched off', () => {
    const d = decodeInput(utf8('GrÃ¼ÃŸe'), { repairMojibake: false });
    expect(d.text).toBe('GrÃ¼ÃŸe');
    expect(d.diagnostics).toEqual([]);
  });

  it.each([
    ['GrÃ¼ÃŸe aus KÃ¶ln', 'Grüße aus Köln', 3],
    ['Itâ€™s â€œfineâ€\u009d â€” reallyâ€¦', 'It’s “fine” — really…', 5],
    ['Ø§Ù„Ø±Ø¨Ø§Ø·', 'الرباط', 6],
    [viaCp1252('Москва'), 'Москва', 6],
    [viaLatin1('Москва'), 'Москва', 6],
    ['Ã‰tÃ© Ã\u00a0 Paris, Ã§a coÃ»te 5 â‚¬', 'Été à Paris, ça coûte 5 €', 6],
    ['ÄŸÄ±ÅŸ', 'ğış', 3],
    ['ÃƒÂ¼ber', 'über', 3],
  ])('%s → %s', (broken, fixed, repairs) => {
    const r = repairMojibake(broken);
    expect(r.text).toBe(fixed);
    expect(r.repairs).toBe(repairs);
  });

  it('round-trips every correct text misread as windows-1252 or latin-1, once or twice', () => {
    for (const s of CORRECT) {
      // texts that only produce "weak" pairs (Ä → Ã„) stay as they are: ambiguous by design
      if (repairMojibake(viaCp1252(s)).text !== s) {
        expect(s, s).toMatch(/^[\x00-\x7f]*$|^[^a-zß-ÿ]*$/u);
        continue;
      }
      expect(repairMojibake(viaLatin1(s)).text, s).toBe(s);
      expect(repairMojibake(viaCp1252(viaCp1252(s))).text, s).toBe(s);
    }
  });

  it('property: any text with a lower-case accented or non-Latin letter round-trips', () => {
    // Accented Latin letters are followed by an ASCII letter: a correct text where `è` runs into
    // `œ”` (E8 9C 94, a valid UTF-8 sequence) is itself indistinguishable from mojibake.
    const letters = [
      ...'abcdefghijklmnopqrstuvwxyz ABCXYZ.,;:!?’“”«»–—…ěłşğıαβγабвгдежзابتثجحخ中文日本語한국어😀',
      ...[...'äöüßéèçñœ'].map((c) => `${c}n`),
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 60 }), fc.constantFrom('é', 'ü', 'ж', 'ع', '中'), (chars, anchor) => {
        const s = chars.join('') + anchor;
        expect(repairMojibake(viaCp1252(s)).text).toBe(s);
        expect(repairMojibake(viaLatin1(s)).text).toBe(s);
      }),
      { numRuns: 2000 },
    );
  });

  it('judges letters written with combining marks in their composed form, as they come out', () => {
    // `Å` written as A + U+030A, then `Œ`: composed, the two read as the mojibake of `Ō`.
    expect(repairMojibake('A\u030A\u0152').text).toBe('\u014C');
    expect(repairMojibake('A\u030A\u0152').text).toBe(repairMojibake('\u00C5\u0152').text);
    expect(repairMojibake('\u212B\u0152').text).toBe('\u014C'); // the Angstrom sign is Å
    // every character whose composed form is one a misread byte gives is noticed
    const misread = new Set<string>();
    for (let b = 0x80; b < 0x100; b++) {
      misread.add(String.fromCharCode(b));
      misread.add(new TextDecoder('windows-1252').decode(Uint8Array.of(b)));
    }
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      const composed = ch.normalize('NFC');
      if (composed !== ch && [...composed].some((x) => misread.has(x))) {
        const written = repairMojibake(`${ch}\u0152`);
        const precomposed = repairMojibake(`${composed}\u0152`);
        expect(written.repairs, `U+${c.toString(16)}`).toBe(precomposed.repairs);
        expect(written.text.normalize('NFC')).toBe(precomposed.text);
      }
    }
    // no mojibake: the text comes back as it was, composed or not
    expect(repairMojibake('A\u030Angstr\u00F6m')).toEqual({ text: 'A\u030Angstr\u00F6m', repairs: 0 });
  });

  it('a mixed text (a correct title, a mojibaked body) has only the mojibake repaired', () => {
    const r = repairMojibake('Grüße aus Köln\n\nDie StraÃŸe ist gesperrt.');
    expect(r.text).toBe('Grüße aus Köln\n\nDie Straße ist gesperrt.');
  });

  it('a latin-1 file with UTF-8 pasted into it is decoded and repaired', () => {
    const bytes = new Uint8Array([...Buffer.from('Die Straße in Köln ist für Fußgänger gesperrt, für Radfahrer nicht. ', 'latin1'), ...utf8('Grüße')]);
    const d = decodeInput(bytes);
    expect(d.encoding).toBe('windows-1252');
    expect(d.text).toBe('Die Straße in Köln ist für Fußgänger gesperrt, für Radfahrer nicht. Grüße');
    expect(d.diagnostics.map((x) => x.code)).toContain('MOJIBAKE_REPAIRED');
  });
});

describe('correct text is never touched', () => {
  it.each(CORRECT.map((s) => [s]))('%s', (s) => {
    expect(repairMojibake(s)).toEqual({ text: s, repairs: 0 });
    const d = decodeInput(utf8(s));
    expect(d.text).toBe(s);
    expect(d.diagnostics).toEqual([]);
  });

  it('our UTF-8 encoding fixtures', () => {
    for (const f of readdirSync(DATA).filter((n) => n.endsWith('.utf8'))) {
      const s = readFileSync(new URL(f, DATA), 'utf8');
      expect(repairMojibake(s), f).toEqual({ text: s, repairs: 0 });
    }
  });

  const shared = sharedFixtures();
  it.runIf(shared.length > 0)(`every shared example and corpus text (${shared.length} files, when present)`, () => {
    for (const [name, s] of shared) expect(repairMojibake(s).repairs, name).toBe(0);
  });

  it('suspicious pairs are counted only for lead + continuation characters', () => {
    expect(countSuspicious('Grüße')).toBe(0);
    expect(countSuspicious('GrÃ¼ÃŸe')).toBe(2);
  });
});

/** Best-of-5 time of `fn(input)`. Used only for ratios: tests never assert wall-clock limits. */
function bestTime(fn: () => void): number {
  let best = Infinity;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return Math.max(best, 0.05);
}

describe('linear time, no catastrophic backtracking (time ratios, not limits)', () => {
  const adversarial: [string, (n: number) => string][] = [
    ['Ã×n', (n) => 'Ã'.repeat(n)],
    ['Ã¼×n', (n) => 'Ã¼'.repeat(n / 2)],
    ['â€×n', (n) => 'â€'.repeat(n / 2)],
    ['ÃƒÂ×n', (n) => 'ÃƒÂ'.repeat(n / 4)],
    ['ß“×n', (n) => 'ß“'.repeat(n / 2)],
    ['Ã+letters', (n) => ('Ã' + 'a'.repeat(50)).repeat(n / 50)],
  ];
  // 8× the input: linear time gives about 8×, quadratic 64×; 24 leaves room for a busy machine.
  it.each(adversarial)('%s: 8× the input takes far less than 64× the time', (_name, make) => {
    const small = make(200_000);
    const large = make(1_600_000);
    repairMojibake(small); // warm up
    const ratio = bestTime(() => repairMojibake(large)) / bestTime(() => repairMojibake(small));
    expect(ratio).toBeLessThan(24);
  });

  it('decodeInput on 1 MB and 10 MB: time grows about linearly', () => {
    const line = 'Die StraÃŸe in MÃ¼nchen ist gesperrt; GrÃ¼ÃŸe aus KÃ¶ln und Ã¼berall.\n';
    const make = (size: number): Uint8Array => utf8(line.repeat(Math.ceil(size / line.length)));
    const small = make(1_000_000);
    const large = make(10_000_000);
    decodeInput(small); // warm up
    const ratio = bestTime(() => decodeInput(large)) / bestTime(() => decodeInput(small));
    expect(ratio).toBeLessThan(25);
  });

  it('legacy detection on a large input: time grows about linearly', () => {
    const make = (lines: number): Uint8Array => new Uint8Array(Buffer.from('Die Straße in Köln ist für Fußgänger gesperrt.\n'.repeat(lines), 'latin1'));
    const small = make(50_000);
    const large = make(200_000);
    expect(decodeInput(large).encoding).toBe('windows-1252');
    const ratio = bestTime(() => decodeInput(large)) / bestTime(() => decodeInput(small));
    expect(ratio).toBeLessThan(10);
  });
});
