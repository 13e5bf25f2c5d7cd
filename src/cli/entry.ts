/**
 * The CLI entry the bin shim loads: the program, the real process I/O and the hook for loading
 * modules on demand. The build bundles this file with its imports into dist/cli/bundle.cjs.
 */

export { main } from './main.js';
export { processIO } from './io.js';
export { setImporter } from './lazy-import.js';
