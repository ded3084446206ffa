/**
 * Copies text (a bearer token) to the clipboard and takes it away again: after `clearAfterMs`, and
 * on quit (`flush`), the clipboard is cleared — but only while it still holds what we put there,
 * so something another application copied meanwhile is never wiped. The guard keeps a SHA-256 of
 * what it wrote, never the text.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { TimerHandle, TimerPort } from '../ports/timer-port.ts';
import type { ClipboardPort } from './clipboard-port.ts';
import { messageOf } from '../../shared/message-of.ts';

/** How to build a {@link ClipboardGuard}. */
export interface ClipboardGuardOptions {
  readonly clipboard: ClipboardPort;
  readonly timers: TimerPort;
  /** Clear this long after a copy; default 60 000 (one minute); 0 = never clear. */
  readonly clearAfterMs?: number;
  /** Told when clearing the clipboard failed (timer or flush); also kept as `lastError`. */
  readonly onError?: (error: Error) => void;
}

/** What a copy promised. */
export interface CopyResult {
  /** Local instant (ms since the epoch) the clipboard will be cleared, undefined when never. */
  readonly clearsAt: number | undefined;
}

/** The clipboard clears a minute after a copy unless settings say otherwise. */
export const DEFAULT_CLIPBOARD_CLEAR_MS = 60_000;

/** What we last put on the clipboard, as a digest, while a clear is still owed. */
interface OwedClear {
  readonly digest: Buffer;
  readonly copiedAt: number;
}

/**
 * Puts text on the clipboard and clears it later only if it is still ours. Operations on the
 * clipboard run one at a time in call order. A new copy replaces the pending clear (one timer at
 * most). With `clearAfterMs` 0 nothing is ever cleared, not even by `flush`.
 */
export class ClipboardGuard {
  readonly #clipboard: ClipboardPort;
  readonly #timers: TimerPort;
  readonly #onError: ((error: Error) => void) | undefined;
  #clearAfterMs: number;
  #owed: OwedClear | undefined;
  #timer: TimerHandle | undefined;
  #queue: Promise<unknown> = Promise.resolve();
  #lastError: Error | undefined;
  #disposed = false;

  constructor(options: ClipboardGuardOptions) {
    this.#clipboard = options.clipboard;
    this.#timers = options.timers;
    this.#onError = options.onError;
    this.#clearAfterMs = checkClearAfter(options.clearAfterMs ?? DEFAULT_CLIPBOARD_CLEAR_MS);
  }

  /** The last failure to clear the clipboard, if any (a failing clear never throws from a timer). */
  get lastError(): Error | undefined {
    return this.#lastError;
  }

  /** The delay in force between a copy and its clear (0 = never). */
  get clearAfterMs(): number {
    return this.#clearAfterMs;
  }

  /**
   * Writes `text` to the clipboard and (re)starts the countdown to clear it. Rejects with an Error
   * saying the clipboard could not be written when the port fails; a pending clear then stays.
   */
  copy(text: string): Promise<CopyResult> {
    if (this.#disposed) return Promise.reject(new Error('Cannot copy: the clipboard guard has been shut down.'));
    const digest = sha256(text);
    return this.#enqueue(async () => {
      if (this.#disposed) throw new Error('Cannot copy: the clipboard guard has been shut down.');
      try {
        await this.#clipboard.writeText(text);
      } catch (error) {
        throw new Error(`Could not put the text on the clipboard: ${messageOf(error)}`, { cause: error });
      }
      if (this.#disposed) return { clearsAt: undefined };
      this.#disarm();
      this.#owed = this.#clearAfterMs === 0 ? undefined : { digest, copiedAt: this.#timers.now() };
      return { clearsAt: this.#arm() };
    });
  }

  /**
   * Changes the delay; a clear still owed is re-timed from its copy (and happens at once when that
   * moment has passed). 0 cancels it: never clear.
   */
  setClearAfter(ms: number): void {
    checkClearAfter(ms);
    if (this.#disposed) return;
    this.#clearAfterMs = ms;
    this.#disarm();
    if (ms === 0) this.#owed = undefined;
    this.#arm();
  }

  /** For quit: clears the clipboard now if it still holds our copy. Never rejects; failures go to `lastError`/`onError`. */
  flush(): Promise<void> {
    return this.#enqueue(() => {
      this.#disarm();
      return this.#clearIfStillOurs(this.#owed);
    });
  }

  /** Cancels the pending clear and forgets the copy (call `flush` first to clear on quit). */
  dispose(): void {
    this.#disposed = true;
    this.#disarm();
    this.#owed = undefined;
  }

  /** Arms the one clear timer for the owed clear; returns when it will fire. */
  #arm(): number | undefined {
    const owed = this.#owed;
    if (owed === undefined) return undefined;
    const clearsAt = owed.copiedAt + this.#clearAfterMs;
    this.#timer = this.#timers.setTimeout(() => {
      this.#timer = undefined;
      void this.#enqueue(() => this.#clearIfStillOurs(owed));
    }, Math.max(0, clearsAt - this.#timers.now()));
    return clearsAt;
  }

  #disarm(): void {
    if (this.#timer !== undefined) this.#timers.clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** Clears when `owed` is still the copy we owe a clear for and the clipboard still holds it. */
  async #clearIfStillOurs(owed: OwedClear | undefined): Promise<void> {
    if (owed === undefined || owed !== this.#owed) return;
    try {
      const current = await this.#clipboard.readText();
      if (owed !== this.#owed) return;
      if (timingSafeEqual(sha256(current), owed.digest)) await this.#clipboard.clear();
      if (owed === this.#owed) this.#owed = undefined;
    } catch (error) {
      // The clear stays owed, so a later flush (on quit) tries again.
      this.#report(new Error(`Could not clear the copied token from the clipboard: ${messageOf(error)}`, { cause: error }));
    }
  }

  #report(error: Error): void {
    this.#lastError = error;
    try {
      this.#onError?.(error);
    } catch {
      // A failing error hook must not turn a timer callback into a crash.
    }
  }

  /** Runs `operation` after every earlier one; the queue itself never rejects. */
  #enqueue<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.#queue.then(operation);
    this.#queue = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

function checkClearAfter(ms: number): number {
  if (!(ms >= 0) || !Number.isFinite(ms)) {
    throw new RangeError(`The clipboard clear delay must be zero (never) or a finite number of milliseconds, got ${ms}.`);
  }
  return ms;
}
