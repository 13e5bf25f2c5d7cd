#!/usr/bin/env node
// Thin shim: run the CLI with the real process streams and set the exit code. CommonJS (see
// bin/package.json): it starts sooner. dist/cli/bundle.cjs is the CLI in one file, loaded with
// its code cache by dist/cli/load-bundle.cjs.
'use strict';

const { loadBundle } = require('../dist/cli/load-bundle.cjs');

const { main, processIO } = loadBundle().cli;
main(process.argv.slice(2), processIO()).then((code) => {
  process.exitCode = code;
});
