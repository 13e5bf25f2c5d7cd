// Runs the built CLI in this process, loaded as bin/article-parse.js loads it (the bundle with its
// code cache), and reports its peak memory: the benchmark's child. Prints one JSON line
// {"code", "maxRssMB", "userS", "systemS"} on fd 3 after the CLI ends (CPU seconds of all the
// process's threads).
import { writeSync } from 'node:fs';
import { createRequire } from 'node:module';

const { main, processIO } = createRequire(import.meta.url)('../dist/cli/load-bundle.cjs').loadBundle().cli;

const code = await main(process.argv.slice(2), processIO());
const usage = process.resourceUsage();
writeSync(3, JSON.stringify({ code, maxRssMB: usage.maxRSS / 1024, userS: usage.userCPUTime / 1e6, systemS: usage.systemCPUTime / 1e6 }) + '\n');
process.exitCode = code;
