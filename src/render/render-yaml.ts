/**
 * YAML rendering (its own module so the yaml package loads only when YAML or Markdown is asked for).
 */

import { yaml } from '../lazy/yaml.js';
import type { Article } from '../article/types.js';
import { toData } from './render-data.js';

/** YAML 1.2 of the same data as the JSON output. */
export function renderYaml(article: Article): string {
  return yaml().stringify(toData(article), { lineWidth: 0, aliasDuplicateObjects: false });
}
