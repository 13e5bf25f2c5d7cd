/**
 * `--labels FILE.yaml`: more labels for other sites and languages, merged over the built-in table.
 *
 * ```yaml
 * blockStarts: [Détails]          # lines that open the metadata block
 * fields:
 *   location: [Lieu]              # more labels for a known key
 *   rating:                       # a new key
 *     kind: count                 # text | list | count | date
 *     labels: [Bewertungen]
 *     template: false             # true: also metadata when it stands in the article header
 * ```
 *
 * The file is untrusted input: it is read into Maps (never plain objects), every key and type is
 * checked, and `__proto__` / `constructor` / `prototype` are refused.
 */

import { yaml } from '../lazy/yaml.js';
import type { LabelEntry, LabelKind, LabelTable } from './labels.js';

/** A labels file that cannot be used; the message names what is wrong. */
export class LabelsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LabelsError';
  }
}

/** Largest labels file accepted. */
export const MAX_LABELS_BYTES = 256 * 1024;
const MAX_LABELS = 2000;
const MAX_LABEL_LENGTH = 100;
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
const KINDS: readonly LabelKind[] = ['text', 'list', 'count', 'date'];
const KEY = /^[A-Za-z][A-Za-z0-9_]{0,63}$/u;

export interface LabelsOverlay {
  blockStarts: string[];
  fields: LabelEntry[];
}

function labelList(value: unknown, where: string): string[] {
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list)) throw new LabelsError(`${where}: expected a label or a list of labels`);
  return list.map((l, i) => {
    if (typeof l !== 'string' || l.trim() === '') throw new LabelsError(`${where}[${i}]: expected a non-empty string`);
    if (l.length > MAX_LABEL_LENGTH) throw new LabelsError(`${where}[${i}]: label longer than ${MAX_LABEL_LENGTH} characters`);
    return l.trim();
  });
}

function checkKey(key: unknown, where: string): string {
  if (typeof key !== 'string') throw new LabelsError(`${where}: keys must be strings`);
  if (FORBIDDEN.has(key)) throw new LabelsError(`${where}: the key "${key}" is not allowed`);
  return key;
}

/** Parse and check a labels file. Throws `LabelsError` with a one-line reason. */
export function parseLabelsYaml(text: string, builtin: LabelTable): LabelsOverlay {
  if (Buffer.byteLength(text, 'utf8') > MAX_LABELS_BYTES) throw new LabelsError(`file is larger than ${MAX_LABELS_BYTES / 1024} KiB`);
  const doc = yaml().parseDocument(text, { uniqueKeys: true });
  const problem = doc.errors[0];
  if (problem !== undefined) throw new LabelsError(`not valid YAML: ${problem.message.split('\n')[0] ?? ''}`);
  // Anchors and aliases are refused outright: a labels file has no use for them, and they are
  // the shape of the "billion laughs" expansion bomb.
  let alias = false;
  const { visit } = yaml();
  visit(doc, {
    Alias() {
      alias = true;
      return visit.BREAK;
    },
  });
  if (alias) throw new LabelsError('anchors and aliases (&name / *name) are not allowed');
  let root: unknown;
  try {
    root = doc.toJS({ mapAsMap: true, maxAliasCount: 0 });
  } catch (error) {
    throw new LabelsError(`cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (root === null || root === undefined) return { blockStarts: [], fields: [] };
  if (!(root instanceof Map)) throw new LabelsError('expected a mapping with "blockStarts" and/or "fields"');
  const overlay: LabelsOverlay = { blockStarts: [], fields: [] };
  let count = 0;
  for (const [rawKey, value] of root) {
    const key = checkKey(rawKey, 'top level');
    if (key === 'blockStarts') overlay.blockStarts = labelList(value, 'blockStarts');
    else if (key === 'fields') {
      if (!(value instanceof Map)) throw new LabelsError('fields: expected a mapping of key → labels');
      for (const [rawField, spec] of value) {
        const field = checkKey(rawField, 'fields');
        if (!KEY.test(field)) throw new LabelsError(`fields.${field}: keys are letters, digits and _ (at most 64)`);
        const known = builtin.fields.find((f) => f.key === field);
        let entry: LabelEntry;
        if (spec instanceof Map) {
          for (const k of spec.keys()) {
            const name = checkKey(k, `fields.${field}`);
            if (!['kind', 'labels', 'template'].includes(name)) throw new LabelsError(`fields.${field}: unknown setting "${name}"`);
          }
          const kind: unknown = spec.get('kind') ?? known?.kind ?? 'text';
          if (typeof kind !== 'string' || !KINDS.includes(kind as LabelKind)) throw new LabelsError(`fields.${field}.kind: expected one of ${KINDS.join(', ')}`);
          const template: unknown = spec.get('template') ?? false;
          if (typeof template !== 'boolean') throw new LabelsError(`fields.${field}.template: expected true or false`);
          entry = { key: field, kind: kind as LabelKind, labels: labelList(spec.get('labels'), `fields.${field}.labels`), template };
        } else {
          entry = { key: field, kind: known?.kind ?? 'text', labels: labelList(spec, `fields.${field}`), template: known?.template ?? false };
        }
        count += entry.labels.length;
        overlay.fields.push(entry);
      }
    } else throw new LabelsError(`unknown top-level key "${key}" (expected blockStarts, fields)`);
  }
  if (count + overlay.blockStarts.length > MAX_LABELS) throw new LabelsError(`more than ${MAX_LABELS} labels`);
  return overlay;
}

/** The built-in table with the overlay's labels added; overlay labels are tried first. */
export function mergeLabels(builtin: LabelTable, overlay: LabelsOverlay): LabelTable {
  const fields: LabelEntry[] = builtin.fields.map((f) => ({ ...f, labels: [...f.labels] }));
  for (const entry of overlay.fields) {
    const existing = fields.find((f) => f.key === entry.key);
    if (existing === undefined) fields.push({ ...entry });
    else {
      existing.labels = [...entry.labels, ...existing.labels.filter((l) => !entry.labels.includes(l))];
      existing.kind = entry.kind;
      if (entry.template === true) existing.template = true;
    }
  }
  return { blockStarts: [...overlay.blockStarts, ...builtin.blockStarts], fields };
}
