// Generated news articles for the batch tests and benchmark: deterministic (seeded), several
// languages, in the site network's plain-text layout (title, dateline + lede, paragraphs,
// headings, a "Details" block). The words are common vocabulary strung together at random, so
// no two generated articles share more than chance shingles.

const WORDS = {
  en: 'city council harbour bridge school budget river market station workers library museum council street weather festival mayor district project railway hospital residents plan report police water energy tram airport garden ferry village tower square evening morning local public new old large small quiet busy'.split(' '),
  de: 'Stadt Rat Hafen Brücke Schule Haushalt Fluss Markt Bahnhof Arbeiter Bücherei Museum Straße Wetter Fest Bürgermeister Bezirk Projekt Bahn Klinik Bewohner Plan Bericht Polizei Wasser Energie Straßenbahn Flughafen Garten Fähre Dorf Turm Platz Abend Morgen neue alte große kleine ruhige'.split(' '),
  fr: 'ville conseil port pont école budget fleuve marché gare ouvriers bibliothèque musée rue météo fête maire quartier projet chemin hôpital habitants plan rapport police eau énergie tramway aéroport jardin bac village tour place soir matin nouveau ancien grand petit calme'.split(' '),
  es: 'ciudad consejo puerto puente escuela presupuesto río mercado estación trabajadores biblioteca museo calle tiempo fiesta alcalde barrio proyecto tren hospital vecinos plan informe policía agua energía tranvía aeropuerto jardín ferry pueblo torre plaza tarde mañana nuevo viejo grande pequeño'.split(' '),
  tr: 'şehir meclis liman köprü okul bütçe nehir pazar istasyon işçiler kütüphane müze sokak hava festival başkan ilçe proje demiryolu hastane sakinler plan rapor polis su enerji tramvay havalimanı bahçe vapur köy kule meydan akşam sabah yeni eski büyük küçük sessiz'.split(' '),
  ru: 'город совет порт мост школа бюджет река рынок вокзал рабочие библиотека музей улица погода праздник мэр район проект дорога больница жители план отчёт полиция вода энергия трамвай аэропорт сад паром деревня башня площадь вечер утро новый старый большой малый'.split(' '),
};

const PLACES = ['Leeds, United Kingdom', 'Hamburg, Deutschland', 'Lyon, France', 'Valencia, España', 'İzmir, Türkiye', 'Новосибирск, Россия'];

/** The languages the generator writes. */
export const LANGUAGES = Object.keys(WORDS);

/** A small seeded PRNG (mulberry32). */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentence(rand, words, min, max) {
  const n = min + Math.floor(rand() * (max - min + 1));
  const out = [];
  for (let i = 0; i < n; i++) out.push(words[Math.floor(rand() * words.length)]);
  const first = out[0];
  out[0] = first.charAt(0).toUpperCase() + first.slice(1);
  return out.join(' ');
}

/**
 * Article number `index`, about `bytes` long (UTF-8), in language `LANGUAGES[index % n]`.
 * @param {number} index
 * @param {number} [bytes]
 * @returns {string}
 */
export function generateArticle(index, bytes = 5000) {
  const lang = LANGUAGES[index % LANGUAGES.length];
  const words = WORDS[lang];
  const rand = random(index * 2654435761 + 17);
  const place = PLACES[index % PLACES.length];
  const lines = [`${sentence(rand, words, 6, 9)} ${index}`, ''];
  lines.push(`${place} – ${sentence(rand, words, 12, 18)}. ${sentence(rand, words, 10, 16)}.`, '');
  let size = Buffer.byteLength(lines.join('\n'));
  let paragraph = 0;
  while (size < bytes - 200) {
    paragraph++;
    const text = paragraph % 4 === 0 ? sentence(rand, words, 3, 5) : `${sentence(rand, words, 10, 18)}. ${sentence(rand, words, 10, 18)}. ${sentence(rand, words, 8, 14)}.`;
    lines.push(text, '');
    size += Buffer.byteLength(text) + 2;
  }
  lines.push('Details', `Ort${place}`, 'QuellenPress Association', `Kommentare (${index % 30})`, '');
  return lines.join('\n');
}
