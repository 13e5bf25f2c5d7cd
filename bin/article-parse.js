#!/usr/bin/env node
// Thin shim: run the CLI with the real process streams and set the exit code.
// dist/cli/bundle.mjs is the CLI in one module (see scripts/bundle-cli.mjs).
import { main, processIO } from '../dist/cli/bundle.mjs';

process.exitCode = await main(process.argv.slice(2), processIO());
