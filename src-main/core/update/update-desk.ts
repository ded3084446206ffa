/**
 * The auto-update policy, in plain Node: when to check, what to do with what a check finds, and
 * when a restart may happen. It checks a minute after start and then daily, backs off on failure
 * (doubling, capped), downloads only where this copy can update itself, tells the person once per
 * version, and never restarts by itself: only `restart()` does, and never while a sign-in is pending.
 */
import type { UpdateView } from '../../contract.ts';
import { messageOf } from '../../shared/message-of.ts';
import type { TimerHandle, TimerPort } from '../ports/timer-port.ts';
import type { UpdateMode } from './update-mode.ts';

/**
 * What the policy drives: electron-updater in the app (src-main/electron/updater.ts), a stand-in in
 * the Node tests. Nothing here installs or restarts unless told to.
 */
export interface UpdaterPort {
  /** Asks the release feed; resolves with the newer version there, or null when this one is the newest. */
  check(): Promise<string | null>;
  /** Downloads the update the last check found; resolves once it is ready to install. */
  download(): Promise<void>;
  /** Quits, installs the downloaded update and starts the new version. */
  quitAndInstall(): void;
}

/** The first automatic check, after start. */
export const FIRST_CHECK_DELAY_MS = 60_000;
/** Between automatic checks that went through. */
export const CHECK_INTERVAL_MS = 24 * 60 * 60_000;
/** The wait after a first failed check; it doubles with each failure in a row, up to {@link RETRY_CAP_MS}. */
export const RETRY_BASE_MS = 5 * 60_000;
export const RETRY_CAP_MS = 6 * 60 * 60_000;

/** What the desk needs besides the updater. */
export interface UpdateDeskOptions {
  readonly version: string;
  readonly mode: UpdateMode;
  readonly updater: UpdaterPort;
  readonly timers: TimerPort;
  /** The setting "Check for updates automatically". */
  readonly automatic: () => boolean;
  /** A sign-in (or Renew all) is under way: a restart would lose it. */
  readonly signInPending: () => boolean;
  /** One notification; a newer one replaces it. */
  readonly notify: (title: string, body: string) => void;
  readonly onChange: () => void;
}

type Phase =
  | { readonly kind: 'idle' }
  | { readonly kind: 'checking' }
  | { readonly kind: 'up-to-date' }
  | { readonly kind: 'downloading'; readonly version: string }
  | { readonly kind: 'ready'; readonly version: string }
  | { readonly kind: 'available'; readonly version: string }
  | { readonly kind: 'failed'; readonly message: string; readonly retryInMs: number | null };

/** The delay before the next check after `failures` failures in a row. */
export function retryDelayMs(failures: number): number {
  return Math.min(RETRY_BASE_MS * 2 ** Math.max(0, failures - 1), RETRY_CAP_MS);
}

/** How a wait reads in a sentence: "5 min", "2 h". */
function waitText(ms: number): string {
  return ms < 60 * 60_000 ? `${Math.round(ms / 60_000)} min` : `${Math.round(ms / (60 * 60_000))} h`;
}

/** Checks, downloads and offers the restart, on the schedule above. */
export class UpdateDesk {
  readonly #options: UpdateDeskOptions;
  #phase: Phase = { kind: 'idle' };
  #timer: TimerHandle | undefined;
  #failures = 0;
  /** The version a notification was shown for: one per version. */
  #told: string | undefined;
  #stopped = false;

  constructor(options: UpdateDeskOptions) {
    this.#options = options;
  }

  /** Arms the first automatic check (a minute from now), when automatic checks are on. */
  start(): void {
    this.#schedule(FIRST_CHECK_DELAY_MS);
  }

  /** The setting changed: on arms a check a minute from now (unless one is armed), off disarms it. */
  automaticChanged(): void {
    if (this.#options.automatic()) {
      if (this.#timer === undefined) this.#schedule(FIRST_CHECK_DELAY_MS);
    } else this.#disarm();
    this.#options.onChange();
  }

  /** "Check now": checks at once (automatic checks on or off); resolves with the view after the check. */
  async checkNow(): Promise<UpdateView> {
    if (this.#canCheck()) await this.#check();
    return this.view();
  }

  /** "Restart to update to …": refused while a sign-in is pending or nothing is downloaded. */
  restart(): { readonly ok: true } | { readonly ok: false; readonly message: string } {
    if (this.#phase.kind !== 'ready') return { ok: false, message: 'No update has been downloaded yet.' };
    if (this.#options.signInPending()) return { ok: false, message: 'Finish or cancel the sign-in first: restarting now would lose it.' };
    this.#options.updater.quitAndInstall();
    return { ok: true };
  }

  /** Stops every timer (quit); no check starts afterwards. */
  stop(): void {
    this.#stopped = true;
    this.#disarm();
  }

  /** What Settings and the tray show. */
  view(): UpdateView {
    const phase = this.#phase;
    return {
      version: this.#options.version,
      status: this.#status(),
      readyVersion: phase.kind === 'ready' ? phase.version : null,
      canCheck: this.#canCheck(),
    };
  }

  #canCheck(): boolean {
    const busy = this.#phase.kind === 'checking' || this.#phase.kind === 'downloading';
    return this.#options.mode.kind !== 'off' && !busy && !this.#stopped;
  }

  #status(): string {
    const { mode } = this.#options;
    if (mode.kind === 'off') return mode.reason;
    const phase = this.#phase;
    switch (phase.kind) {
      case 'idle':
        return this.#options.automatic() ? 'Checks for updates a minute after start, then daily.' : 'Automatic checks are off.';
      case 'checking':
        return 'Checking for updates…';
      case 'up-to-date':
        return `Up to date: ${this.#options.version} is the newest version.`;
      case 'downloading':
        return `Downloading version ${phase.version}…`;
      case 'ready':
        return `Version ${phase.version} is downloaded: restart to update.`;
      case 'available':
        return `Version ${phase.version} is available. ${mode.kind === 'notify-only' ? mode.reason : ''}`.trim();
      case 'failed':
        return `Could not check for updates: ${phase.message}${phase.retryInMs === null ? '' : ` Trying again in ${waitText(phase.retryInMs)}.`}`;
    }
  }

  async #check(): Promise<void> {
    this.#disarm();
    const ready = this.#phase.kind === 'ready' ? this.#phase.version : undefined;
    this.#set({ kind: 'checking' });
    try {
      const found = await this.#options.updater.check();
      if (found === null) this.#set({ kind: 'up-to-date' });
      else if (found === ready) this.#set({ kind: 'ready', version: found });
      else if (this.#options.mode.kind === 'notify-only') this.#found({ kind: 'available', version: found });
      else {
        this.#set({ kind: 'downloading', version: found });
        await this.#options.updater.download();
        this.#found({ kind: 'ready', version: found });
      }
      this.#failures = 0;
      this.#schedule(CHECK_INTERVAL_MS);
    } catch (error) {
      this.#failures += 1;
      const retryInMs = this.#options.automatic() ? retryDelayMs(this.#failures) : null;
      // A failed download keeps nothing half-offered; an update downloaded before stays ready.
      this.#set(ready === undefined ? { kind: 'failed', message: oneSentence(messageOf(error)), retryInMs } : { kind: 'ready', version: ready });
      if (retryInMs !== null) this.#schedule(retryInMs);
    }
  }

  #found(phase: Extract<Phase, { kind: 'ready' | 'available' }>): void {
    this.#set(phase);
    if (this.#told === phase.version) return;
    this.#told = phase.version;
    if (phase.kind === 'ready') this.#options.notify('Update ready', `AIRisk Token Tray ${phase.version} is downloaded. Choose "Restart to update to ${phase.version}" in the tray menu when it suits you.`);
    else this.#options.notify('Update available', this.#status());
  }

  #set(phase: Phase): void {
    this.#phase = phase;
    this.#options.onChange();
  }

  #schedule(delayMs: number): void {
    this.#disarm();
    if (this.#stopped || this.#options.mode.kind === 'off' || !this.#options.automatic()) return;
    this.#timer = this.#options.timers.setTimeout(() => {
      this.#timer = undefined;
      void this.#check();
    }, delayMs);
  }

  #disarm(): void {
    if (this.#timer !== undefined) this.#options.timers.clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}

/** An updater error as one short sentence (electron-updater's can hold a whole HTTP response). */
function oneSentence(message: string): string {
  const line = (message.split('\n')[0] ?? '').trim();
  const short = line.length > 160 ? `${line.slice(0, 157)}…` : line;
  return /[.!?…]$/.test(short) ? short : `${short}.`;
}
