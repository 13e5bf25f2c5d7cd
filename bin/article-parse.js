#!/usr/bin/env node
// Thin shim: run the CLI with the real process streams and set the exit code.
import { main } from '../dist/cli/main.js';
import { processIO } from '../dist/cli/io.js';

process.exitCode = await main(process.argv.slice(2), processIO());
