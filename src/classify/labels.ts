/**
 * The label table: which page labels article-parse knows, what English key each maps to and how
 * its value is read. This is data; `--labels FILE.yaml` merges more of it (see load-labels.ts).
 *
 * The site network this tool grew up on keeps German labels whatever the article's language.
 */

/** How a label's value is read. */
export type LabelKind =
  /** One line of text. */
  | 'text'
  /** Zero or more lines (or comma-separated items on the label's own line). */
  | 'list'
  /** A number, as in `Kommentare (3)`; a count label ends the metadata block. */
  | 'count'
  /** A date or date-time. */
  | 'date';

export interface LabelEntry {
  /** Normalised English key (`location`, `sources`, …). */
  key: string;
  kind: LabelKind;
  /** Labels as printed on pages, matched case-insensitively. */
  labels: string[];
  /**
   * True for labels that the site template prints in the article header too
   * (e.g. `Transparenz: …`, `Veröffentlicht am`): such lines are metadata wherever they stand.
   */
  template?: boolean;
}

export interface LabelTable {
  /** Lines that open the metadata block. */
  blockStarts: string[];
  fields: LabelEntry[];
}

export const BUILTIN_LABELS: LabelTable = {
  blockStarts: ['Details', 'Details zur Meldung'],
  fields: [
    { key: 'location', kind: 'text', labels: ['Ort'] },
    { key: 'sources', kind: 'list', labels: ['Quellen', 'Quelle'] },
    { key: 'comments', kind: 'count', labels: ['Kommentare', 'Kommentar'] },
    { key: 'published', kind: 'date', labels: ['Veröffentlicht am', 'Veröffentlicht'], template: true },
    { key: 'modified', kind: 'date', labels: ['Aktualisiert am', 'Zuletzt aktualisiert'], template: true },
    { key: 'transparency', kind: 'text', labels: ['Transparenz'], template: true },
    { key: 'author', kind: 'text', labels: ['Autor', 'Autorin'] },
    { key: 'category', kind: 'text', labels: ['Kategorie', 'Rubrik', 'Ressort'] },
    { key: 'tags', kind: 'list', labels: ['Schlagwörter', 'Schlagworte', 'Tags'] },
  ],
};
