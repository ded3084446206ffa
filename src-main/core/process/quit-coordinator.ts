/**
 * The graceful quit: the first quit request is held (`preventDefault`) until the app has shut down
 * (store written, clipboard cleared if it still holds our copy); requests while that runs are held
 * too; then the coordinator quits again and lets that one through. Plain Node, so the sequence is
 * tested without Electron.
 */

/** What `app`'s `before-quit` event offers (structurally Electron's `Event`). */
export interface QuitRequest {
  preventDefault(): void;
}

/** Options of {@link createQuitCoordinator}. */
export interface QuitCoordinatorOptions {
  /** Synchronous stops before the shutdown starts (timers, watchers). */
  readonly stopWatching: () => void;
  /** The shutdown itself; a rejection is reported and the quit goes on. */
  readonly shutdown: () => Promise<void>;
  /** Last cleanup, after the shutdown (notifications, the tray icon). */
  readonly cleanUp: () => void;
  /** Quits for real (`app.quit()`); the coordinator lets that request through. */
  readonly quit: () => void;
  readonly onError: (error: unknown) => void;
}

/** Where the quit stands. */
export type QuitStage = 'running' | 'shutting-down' | 'done';

/** The `before-quit` listener, and where the quit stands (for tests and logs). */
export interface QuitCoordinator {
  readonly beforeQuit: (request: QuitRequest) => void;
  readonly stage: () => QuitStage;
}

/** Creates the `before-quit` listener for a shutdown that must finish before the app exits. */
export function createQuitCoordinator(options: QuitCoordinatorOptions): QuitCoordinator {
  let stage: QuitStage = 'running';
  const finish = (): void => {
    stage = 'done';
    try {
      options.cleanUp();
    } catch (error) {
      options.onError(error);
    }
    options.quit();
  };
  return {
    stage: () => stage,
    beforeQuit(request) {
      if (stage === 'done') return;
      request.preventDefault();
      if (stage === 'shutting-down') return;
      stage = 'shutting-down';
      try {
        options.stopWatching();
      } catch (error) {
        options.onError(error);
      }
      options.shutdown().catch(options.onError).finally(finish);
    },
  };
}
