/**
 * The few asynchronous file operations the CLI needs, as promises over `node:fs` callbacks:
 * `node:fs/promises` costs about 2.5 ms to load at every start, `node:fs` is loaded already.
 */

import fs from 'node:fs';
import { promisify } from 'node:util';

export const open = promisify(fs.open);
export const close = promisify(fs.close);
export const fstat = promisify(fs.fstat);
export const stat = promisify(fs.stat);
export const readFile = promisify(fs.readFile);
export const writeFile = promisify(fs.writeFile);
export const rename = promisify(fs.rename);
export const unlink = promisify(fs.unlink);
