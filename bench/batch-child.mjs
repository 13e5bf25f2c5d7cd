// Runs the built CLI in this process and reports its peak memory: the benchmark's child.
// Prints one JSON line {"code", "maxRssMB"} on fd 3 after the CLI ends.
import { writeSync } from 'node:fs';
import { main } from '../dist/cli/main.js';
import { processIO } from '../dist/cli/io.js';

const code = await main(process.argv.slice(2), processIO());
writeSync(3, JSON.stringify({ code, maxRssMB: process.resourceUsage().maxRSS / 1024 }) + '\n');
process.exitCode = code;
