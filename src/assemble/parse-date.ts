/**
 * Dates as pages print them → ISO 8601 (`2025-03-12`, `2025-03-12T10:30`, or with a zone when
 * one was given). Returns null when the text holds no date it can read with certainty.
 */

const MONTHS: Readonly<Record<string, number>> = {
  januar: 1, jänner: 1, january: 1, jan: 1, janvier: 1, gennaio: 1, enero: 1,
  februar: 2, feber: 2, february: 2, feb: 2, février: 2, febbraio: 2, febrero: 2,
  märz: 3, maerz: 3, march: 3, mar: 3, mars: 3, marzo: 3,
  april: 4, apr: 4, avril: 4, aprile: 4, abril: 4,
  mai: 5, may: 5, maggio: 5, mayo: 5,
  juni: 6, june: 6, jun: 6, juin: 6, giugno: 6, junio: 6,
  juli: 7, july: 7, jul: 7, juillet: 7, luglio: 7, julio: 7,
  august: 8, aug: 8, août: 8, agosto: 8,
  september: 9, sep: 9, sept: 9, septembre: 9, settembre: 9, septiembre: 9,
  oktober: 10, october: 10, oct: 10, okt: 10, octobre: 10, ottobre: 10, octubre: 10,
  november: 11, nov: 11, novembre: 11, noviembre: 11,
  dezember: 12, december: 12, dec: 12, dez: 12, décembre: 12, dicembre: 12, diciembre: 12,
};

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/u;
/** Between date and time: `, `, ` um `, ` - `, ` – `, ` | ` (each site prints its own). */
const DATE_TIME_SEP = String.raw`(?:\s?[,|\u2013-])?\s*(?:um\s*)?`;
const DMY = new RegExp(String.raw`^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?:${DATE_TIME_SEP}(\d{1,2})[:.](\d{2})(?:\s*Uhr)?)?$`, 'iu');
const DAY_MONTH_NAME = new RegExp(String.raw`^(\d{1,2})\.?\s+(\p{L}+)\.?\s+(\d{4})(?:${DATE_TIME_SEP}(\d{1,2})[:.](\d{2})(?:\s*Uhr)?)?$`, 'iu');
const MONTH_NAME_DAY = /^(\p{L}+)\.?\s+(\d{1,2}),?\s+(\d{4})$/iu;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function valid(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1000) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function format(y: number, m: number, d: number, hh?: string, mm?: string): string | null {
  if (!valid(y, m, d)) return null;
  const day = `${y}-${pad(m)}-${pad(d)}`;
  if (hh === undefined || mm === undefined) return day;
  const h = Number(hh);
  const min = Number(mm);
  if (h > 23 || min > 59) return null;
  return `${day}T${pad(h)}:${pad(min)}`;
}

/** Read a date; `null` when there is none. */
export function parseDate(input: string): string | null {
  const text = input.trim().replace(/^(?:am|on|le|il|el)\s+/iu, '');
  if (text.length > 60) return null;
  let m = ISO.exec(text);
  if (m !== null) {
    const day = format(Number(m[1]), Number(m[2]), Number(m[3]), m[4], m[5]);
    if (day === null) return null;
    if (m[4] === undefined) return day;
    const seconds = m[6] !== undefined ? `:${m[6]}` : '';
    return `${day}${seconds}${m[7] ?? ''}`;
  }
  m = DMY.exec(text);
  if (m !== null) return format(Number(m[3]), Number(m[2]), Number(m[1]), m[4], m[5]);
  m = DAY_MONTH_NAME.exec(text);
  if (m !== null) {
    const month = MONTHS[m[2]!.toLowerCase()];
    return month === undefined ? null : format(Number(m[3]), month, Number(m[1]), m[4], m[5]);
  }
  m = MONTH_NAME_DAY.exec(text);
  if (m !== null) {
    const month = MONTHS[m[1]!.toLowerCase()];
    return month === undefined ? null : format(Number(m[3]), month, Number(m[2]));
  }
  return null;
}
