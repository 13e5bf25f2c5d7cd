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
  private wake: (() => void) | null = null;
  private readonly abandonedPromise: Promise<void>;
  private readonly handler = (signal: NodeJS.Signals): void => {
    if (this.signal === null) this.signal = signal;
    else {
      this.abandoned = true;
      this.wake?.();
    }
  };

  constructor() {
    this.abandonedPromise = new Promise((resolve) => {
      this.wake = resolve;
    });
  }

  /** True once a signal came. */
  get stopped(): boolean {
    return this.signal !== null;
  }

  /** Resolves when a second signal abandons the work in flight. */
  whenAbandoned(): Promise<void> {
    return this.abandonedPromise;
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
