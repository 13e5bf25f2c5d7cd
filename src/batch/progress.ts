/**
 * The progress bar on a terminal: done/total, rate, ETA and failures on stderr, drawn by
 * cli-progress, which is loaded only when a bar is shown.
 */

import { lazyImport } from '../cli/lazy-import.js';

/** What the runner tells the bar. */
export interface Progress {
  /** False for the no-op stand-in used off a terminal. */
  readonly enabled: boolean;
  /** The number of inputs known so far (it grows while the walk goes on). */
  setTotal(total: number): void;
  /** One input finished. */
  tick(failed: boolean): void;
  /** Remove the bar. */
  stop(): void;
}

const NO_PROGRESS: Progress = { enabled: false, setTotal: () => undefined, tick: () => undefined, stop: () => undefined };

/** A bar on `stream` when `enabled` (stderr is a terminal and not `--quiet`), else a no-op. */
export async function startProgress(enabled: boolean, stream: NodeJS.WriteStream): Promise<Progress> {
  if (!enabled) return NO_PROGRESS;
  const { SingleBar, Presets } = (await lazyImport<{ default: typeof import('cli-progress') }>('cli-progress')).default;
  const bar = new SingleBar(
    {
      stream,
      format: '{bar} {value}/{total} | {rate}/s | ETA {eta_formatted} | failed {failures}',
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
      fps: 5,
    },
    Presets.shades_classic,
  );
  const started = Date.now();
  let done = 0;
  let failures = 0;
  let total = 0;
  bar.start(0, 0, { rate: '0', failures: 0 });
  return {
    enabled: true,
    setTotal(n) {
      if (n > total) {
        total = n;
        bar.setTotal(n);
      }
    },
    tick(failed) {
      done++;
      if (failed) failures++;
      const seconds = (Date.now() - started) / 1000;
      bar.update(done, { rate: seconds > 0 ? (done / seconds).toFixed(0) : '0', failures });
    },
    stop() {
      bar.stop();
    },
  };
}
