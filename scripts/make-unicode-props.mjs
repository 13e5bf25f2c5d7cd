#!/usr/bin/env node
/**
 * Write dist/util/unicode-props.bin: the Unicode property bits of every BMP code unit (see
 * src/util/unicode-props.ts), as this Node's own expressions give them, after a header naming its
 * Unicode version. Run by `npm run build`, after the compiler, so the table always matches the
 * Node that built it; a Node with other Unicode data ignores it.
 */

import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const { tableBytes } = await import(new URL('util/unicode-props.js', `file://${dist}`).href);
writeFileSync(`${dist}util/unicode-props.bin`, tableBytes());
