/**
 * SIGINT/SIGTERM handling for every long-running process of ours: the Electron main process, the
 * browser host and the sandbox (plain Node, tested in Node).
 *
 * The store's atomic-write library (conf → atomically → when-exit) hooks SIGINT/SIGTERM/SIGHUP
 * with `process.once` at import time; when one arrives it cleans its temporary files and sends the
 * same signal to the process again. Without a listener of ours that echo would kill the app before
 * `before-quit` could flush the store and clear the clipboard. So: the first signal asks the app to
 * quit gracefully; a repeat within `echoWindowMs` is that echo and is ignored; a later repeat
 * (the person pressing Ctrl+C again because quitting hangs) exits at once.
 */

/** The part of `process` this needs. */
export interface SignalSource {
  on(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
  off(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
}

/** Options of {@link quitOnSignals}. */
export interface QuitOnSignalsOptions {
  readonly source: SignalSource;
  /** Graceful quit (`app.quit()`). */
  readonly quit: (signal: NodeJS.Signals) => void;
  /** Immediate exit (`app.exit(code)`). */
  readonly exit: (code: number) => void;
  readonly now?: () => number;
  /** How long after the first signal a repeat counts as when-exit's echo (default 1000 ms). */
  readonly echoWindowMs?: number;
  /** Told about every signal and what was done (logging). */
  readonly onSignal?: (signal: NodeJS.Signals, outcome: 'quit' | 'echo-ignored' | 'exit') => void;
}

const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const EXIT_CODES: Readonly<Record<string, number>> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

/** Installs the listeners; returns the function that removes them. */
export function quitOnSignals(options: QuitOnSignalsOptions): () => void {
  const now = options.now ?? Date.now;
  const echoWindowMs = options.echoWindowMs ?? 1000;
  let firstAt: number | undefined;
  const listener = (signal: NodeJS.Signals): void => {
    if (firstAt === undefined) {
      firstAt = now();
      options.onSignal?.(signal, 'quit');
      options.quit(signal);
      return;
    }
    if (now() - firstAt <= echoWindowMs) {
      options.onSignal?.(signal, 'echo-ignored');
      return;
    }
    options.onSignal?.(signal, 'exit');
    options.exit(EXIT_CODES[signal] ?? 1);
  };
  for (const signal of SIGNALS) options.source.on(signal, listener);
  return () => {
    for (const signal of SIGNALS) options.source.off(signal, listener);
  };
}
