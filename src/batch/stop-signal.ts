/**
 * SIGINT/SIGTERM during a batch: the first signal stops the walk (no new inputs; those in flight
 * finish and are written); a second one abandons the inputs still in flight (nothing partial is
 * written either way). The handlers exist only while the batch runs.
 */

/** The stop state of one batch run. */
export class StopSignal {
  /** The signal that asked the batch to stop, if any. */
  signal: NodeJS.Signals | null = null;
  /** True once a second signal asked to abandon the inputs in flight. */
  abandoned = false;
  /** Ends the current `settledOrAbandoned` wait early. */
  private wake: (() => void) | null = null;
  private readonly handler = (signal: NodeJS.Signals): void => {
    if (this.signal === null) this.signal = signal;
    else {
      this.abandoned = true;
      this.wake?.();
    }
  };

  /** True once a signal came. */
  get stopped(): boolean {
    return this.signal !== null;
  }

  /**
   * Wait for `work`, or resolve `null` as soon as a second signal abandons the work in flight.
   * (One wait at a time; nothing is kept once it resolves, so long batches hold no memory here.)
   */
  settledOrAbandoned<T>(work: Promise<T>): Promise<T | null> {
    if (this.abandoned) return Promise.resolve(null);
    return new Promise<T | null>((resolve, reject) => {
      this.wake = () => resolve(null);
      work.then(
        (value) => {
          this.wake = null;
          resolve(value);
        },
        (error: unknown) => {
          this.wake = null;
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  }

  /** Listen for SIGINT and SIGTERM; returns the function that stops listening. */
  install(): () => void {
    process.on('SIGINT', this.handler);
    process.on('SIGTERM', this.handler);
    return () => {
      process.off('SIGINT', this.handler);
      process.off('SIGTERM', this.handler);
    };
  }
}
