#!/usr/bin/env node
/**
 * Copy the data files the compiled modules read at run time (tsc copies only code) from src/ to
 * dist/: the language identifier's per-script trigram indexes.
 */

import { cpSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
for (const folder of ['language/trigram-index']) {
  rmSync(`${root}dist/${folder}`, { recursive: true, force: true });
  cpSync(`${root}src/${folder}`, `${root}dist/${folder}`, { recursive: true });
}
