/**
 * The CLI entry the bin shim loads: the program and the real process I/O. The build bundles this
 * file with its imports into dist/cli/bundle.mjs, so start-up compiles one module, not sixty.
 */

export { main } from './main.js';
export { processIO } from './io.js';
