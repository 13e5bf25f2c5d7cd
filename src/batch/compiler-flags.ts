/**
 * V8 flags for a CLI batch. V8's optimizing compiler inlines callees into a function it
 * optimizes, up to 920 bytes of their bytecode in all by default; a batch sets that budget to
 * 500. The functions that become hot late in a batch are those that call the stages once per
 * input, and each was optimized with the stages inlined into it: in a 1,000-file batch the
 * compiler threads ran 29% of all the instructions, in every thread that converts. With 500 they
 * run a fifth less, and the converting thread's own instructions per input stay within 1% (for
 * text and for HTML; at 300, HTML pages took 9% more). Measured on V8 11 (Node 20) only, so only
 * V8 11 gets it; an unknown flag would also make V8 print an error on standard output.
 *
 * The flags are the process's, so they are set by the CLI's batch command only (never by the
 * library), once, before the batch loads its modules and starts its workers. A single-file run
 * does not set them: it compiles little, and loading `node:v8` costs start-up, so it is loaded
 * when the flags are set. The build makes the batch bundles' code caches under the same flags (V8
 * refuses a cache made under other flags).
 */

import { createRequire } from 'node:module';

/** The flags for a V8 version (`process.versions.v8`), or `null` for none. */
export function compilerFlags(v8Version: string): string | null {
  return Number.parseInt(v8Version, 10) === 11 ? '--max-inlined-bytecode-size-cumulative=500' : null;
}

let tuned = false;

/** Set the batch's compiler flags (once per process). */
export function tuneCompilerForBatch(): void {
  if (tuned) return;
  tuned = true;
  const flags = compilerFlags(process.versions.v8);
  if (flags !== null) (createRequire(import.meta.url)('node:v8') as typeof import('node:v8')).setFlagsFromString(flags);
}
