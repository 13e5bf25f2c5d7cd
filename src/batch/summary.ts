/**
 * The end-of-batch tally and its one-paragraph summary for stderr.
 */

import type { InputStatus } from './types.js';

/** Counts over a batch. */
export interface Tally {
  converted: number;
  warnings: number;
  failed: number;
  skipped: number;
  /** Inputs found to repeat an earlier article (written or not). */
  exactDuplicates: number;
  nearDuplicates: number;
  /** Inputs whose natural output name was taken. */
  renamed: number;
}

/** A tally of zeros. */
export function emptyTally(): Tally {
  return { converted: 0, warnings: 0, failed: 0, skipped: 0, exactDuplicates: 0, nearDuplicates: 0, renamed: 0 };
}

/** Count one input by status (duplicates are counted by kind where they are found). */
export function countStatus(tally: Tally, status: InputStatus): void {
  switch (status) {
    case 'duplicate':
      return;
    case 'converted':
      tally.converted++;
      return;
    case 'warnings':
      tally.warnings++;
      return;
    case 'failed':
      tally.failed++;
      return;
    case 'skipped':
      tally.skipped++;
      return;
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The summary line(s), e.g. `article-parse: 400 inputs in 3.1 s: 380 converted, 12 with warnings, …`. */
export function formatSummary(tally: Tally, seconds: number, options: { dedupe: boolean; interrupted: NodeJS.Signals | null; dryRun: boolean }): string {
  const total = tally.converted + tally.warnings + tally.failed + tally.skipped + (options.dedupe ? tally.exactDuplicates + tally.nearDuplicates : 0);
  const duplicates = tally.exactDuplicates + tally.nearDuplicates;
  const parts = [
    options.dryRun ? `${tally.converted} to convert` : `${tally.converted} converted`,
    `${tally.warnings} with warnings`,
    `${tally.failed} failed`,
    `${tally.skipped} skipped`,
    `${plural(duplicates, 'duplicate')} (${tally.exactDuplicates} exact, ${tally.nearDuplicates} near${duplicates > 0 ? (options.dedupe ? '; not written' : '; written') : ''})`,
  ];
  if (tally.renamed > 0) parts.push(`${tally.renamed} renamed to avoid a name collision`);
  const head = options.interrupted !== null ? `interrupted by ${options.interrupted} after` : options.dryRun ? 'dry run,' : '';
  return `article-parse: ${head}${head === '' ? '' : ' '}${plural(total, 'input')} in ${seconds.toFixed(1)} s: ${parts.join(', ')}\n`;
}
