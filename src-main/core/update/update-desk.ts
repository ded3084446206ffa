/**
 * The auto-update policy, in plain Node: when to check, what to do with what a check finds, and
 * when a restart may happen. It checks a minute after start and then daily, backs off on failure
 * (doubling, capped), downloads only where this copy can update itself, tells the person once per
 * version, and never restarts by itself: only `restart()` does, and never while a sign-in is pending.
 */
import type { UpdateView } from '../../contract.ts';
import type { TimerHandle, TimerPort } from '../ports/timer-port.ts';
import type { UpdateMode } from './update-mode.ts';
import { updaterText } from './updater-text.ts';

/** What a check found: a newer version, none (this one is the newest), or an updater that is not active here. */
export type CheckAnswer = { readonly kind: 'newer'; readonly version: string } | { readonly kind: 'newest' } | { readonly kind: 'inactive' };

/**
 * What the policy drives: electron-updater in the app (src-main/electron/updater.ts), a stand-in in
 * the Node tests. Nothing here installs or restarts unless told to.
 */
export interface UpdaterPort {
  /** Asks the release feed what is there. */
  check(): Promise<CheckAnswer>;
  /** Downloads the update the last check found; resolves once it is ready to install. */
  download(): Promise<void>;
  /** Quits, installs the downloaded update and starts the new version; returns the error when the updater refused, else null. */
  quitAndInstall(): Error | null;
}

/**
 * The single-instance lock (Electron's `app.releaseSingleInstanceLock` / `requestSingleInstanceLock`).
 * An installer that relaunches the app (the AppImage) starts the new version while this one still
 * quits: holding the lock, it would make the new one leave at once, and no app would be running.
 */
export interface InstanceLock {
  release(): void;
  /** Takes it back after the updater refused to install. */
  retake(): void;
}

/** The first automatic check, after start. */
export const FIRST_CHECK_DELAY_MS = 60_000;
/** Between automatic checks that went through. */
export const CHECK_INTERVAL_MS = 24 * 60 * 60_000;
/** The wait after a first failed check; it doubles with each failure in a row, up to {@link RETRY_CAP_MS}. */
export const RETRY_BASE_MS = 5 * 60_000;
export const RETRY_CAP_MS = 6 * 60 * 60_000;
/** A check that has not answered by then failed (and is retried with the backoff). */
export const CHECK_TIMEOUT_MS = 2 * 60_000;
/** A download that has not finished by then failed. */
export const DOWNLOAD_TIMEOUT_MS = 30 * 60_000;

/** What the desk needs besides the updater. */
export interface UpdateDeskOptions {
  readonly version: string;
  readonly mode: UpdateMode;
  /**
   * Where the mode needs a slow look (macOS: `codesign` on the app bundle), it is taken once, just
   * before the first check, not at start-up; `mode` holds until then.
   */
  readonly modeAtFirstCheck?: () => Promise<UpdateMode>;
  readonly updater: UpdaterPort;
  readonly instanceLock: InstanceLock;
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
  | { readonly kind: 'inactive' }
  | { readonly kind: 'downloading'; readonly version: string }
  | { readonly kind: 'ready'; readonly version: string }
  | { readonly kind: 'available'; readonly version: string }
  | { readonly kind: 'failed'; readonly what: string; readonly message: string; readonly retryInMs: number | null };

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
  #mode: UpdateMode;
  #modeAtFirstCheck: (() => Promise<UpdateMode>) | undefined;
  /** The version downloaded and waiting for a restart: it stays offered while a later check runs. */
  #ready: string | undefined;
  #timer: TimerHandle | undefined;
  #failures = 0;
  /** The version a notification was shown for: one per version. */
  #told: string | undefined;
  #stopped = false;

  constructor(options: UpdateDeskOptions) {
    this.#options = options;
    this.#mode = options.mode;
    this.#modeAtFirstCheck = options.modeAtFirstCheck;
  }

  /** Arms the first automatic check (a minute from now), when automatic checks are on. */
  start(): void {
    this.#schedule(FIRST_CHECK_DELAY_MS);
  }

  /** The setting changed: on arms a check a minute from now (unless one is armed or running), off disarms it. */
  automaticChanged(): void {
    if (this.#stopped) return;
    if (!this.#options.automatic()) this.#disarm();
    else if (this.#timer === undefined && !this.#busy()) this.#schedule(FIRST_CHECK_DELAY_MS);
    this.#options.onChange();
  }

  /** "Check now": checks at once (automatic checks on or off); resolves with the view after the check. */
  async checkNow(): Promise<UpdateView> {
    if (this.#canCheck()) await this.#check();
    return this.view();
  }

  /**
   * "Restart to update to …": refused while a sign-in is pending or nothing is downloaded. Releases
   * the single-instance lock first, so that the version the installer starts can take it; takes it
   * back when the updater refuses, and says why.
   */
  restart(): { readonly ok: true } | { readonly ok: false; readonly message: string } {
    const version = this.#ready;
    if (version === undefined) return { ok: false, message: 'No update has been downloaded yet.' };
    if (this.#options.signInPending()) return { ok: false, message: 'Finish or cancel the sign-in first: restarting now would lose it.' };
    this.#options.instanceLock.release();
    const refused = this.#options.updater.quitAndInstall();
    if (refused === null) return { ok: true };
    this.#options.instanceLock.retake();
    return { ok: false, message: `Could not install version ${version}: ${updaterText(refused)}` };
  }

  /** Stops every timer (quit); no check starts, and nothing is told, afterwards. */
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
      readyVersion: this.#ready ?? null,
      availableVersion: phase.kind === 'available' && this.#ready === undefined ? phase.version : null,
      canCheck: this.#canCheck(),
    };
  }

  #busy(): boolean {
    return this.#phase.kind === 'checking' || this.#phase.kind === 'downloading';
  }

  #canCheck(): boolean {
    return this.#mode.kind !== 'off' && !this.#busy() && !this.#stopped;
  }

  #status(): string {
    const mode = this.#mode;
    if (mode.kind === 'off') return mode.reason;
    const phase = this.#phase;
    switch (phase.kind) {
      case 'idle':
        return this.#options.automatic() ? 'Checks for updates a minute after start, then daily.' : 'Automatic checks are off.';
      case 'checking':
        return 'Checking for updates…';
      case 'up-to-date':
        return `Up to date: ${this.#options.version} is the newest version.`;
      case 'inactive':
        return 'This copy cannot check for updates: the updater is not active in it.';
      case 'downloading':
        return `Downloading version ${phase.version}…`;
      case 'ready':
        return `Version ${phase.version} is downloaded: restart to update.`;
      case 'available':
        return `Version ${phase.version} is available. ${mode.kind === 'notify-only' ? mode.reason : ''}`.trim();
      case 'failed':
        return `${phase.what}: ${phase.message}${phase.retryInMs === null ? '' : ` Trying again in ${waitText(phase.retryInMs)}.`}`;
    }
  }

  async #check(): Promise<void> {
    // One check at a time: a timer that fires during a manual check (or after the setting was turned off and on) waits for the next turn.
    if (this.#busy() || this.#stopped) return;
    this.#disarm();
    this.#set({ kind: 'checking' });
    let what = 'Could not check for updates';
    try {
      if (this.#modeAtFirstCheck !== undefined && !(await this.#settleMode())) return;
      const found = await this.#within(this.#options.updater.check(), CHECK_TIMEOUT_MS, 'the release feed did not answer within 2 min.');
      // The app is quitting: nothing more is downloaded, told or scheduled.
      if (this.#stopped) return;
      if (found.kind === 'inactive') {
        this.#set({ kind: 'inactive' });
        return;
      }
      if (found.kind === 'newest') this.#set(this.#ready === undefined ? { kind: 'up-to-date' } : { kind: 'ready', version: this.#ready });
      else if (found.version === this.#ready) this.#set({ kind: 'ready', version: found.version });
      else if (this.#mode.kind === 'notify-only') this.#found({ kind: 'available', version: found.version });
      else {
        what = `Could not download version ${found.version}`;
        this.#set({ kind: 'downloading', version: found.version });
        await this.#within(this.#options.updater.download(), DOWNLOAD_TIMEOUT_MS, 'it did not finish within 30 min.');
        this.#ready = found.version;
        this.#found({ kind: 'ready', version: found.version });
      }
      this.#failures = 0;
      this.#schedule(CHECK_INTERVAL_MS);
    } catch (error) {
      this.#failures += 1;
      const retryInMs = this.#options.automatic() ? retryDelayMs(this.#failures) : null;
      // An update downloaded before stays offered; a failed one offers nothing.
      this.#set(this.#ready === undefined ? { kind: 'failed', what, message: updaterText(error), retryInMs } : { kind: 'ready', version: this.#ready });
      if (retryInMs !== null) this.#schedule(retryInMs);
    }
  }

  /** Takes the slow look at the mode before the first check; false when this copy then has nothing to check. */
  async #settleMode(): Promise<boolean> {
    const look = this.#modeAtFirstCheck;
    if (look === undefined) return true;
    this.#modeAtFirstCheck = undefined;
    this.#mode = await look();
    if (this.#mode.kind !== 'off') return true;
    this.#disarm();
    this.#set({ kind: 'idle' });
    return false;
  }

  /** `work`, or a failure saying `late` once `ms` have passed on the TimerPort. */
  async #within<T>(work: Promise<T>, ms: number, late: string): Promise<T> {
    let timer: TimerHandle | undefined;
    const expiry = new Promise<never>((_resolve, reject) => {
      timer = this.#options.timers.setTimeout(() => reject(new Error(late)), ms);
    });
    try {
      return await Promise.race([work, expiry]);
    } finally {
      if (timer !== undefined) this.#options.timers.clearTimeout(timer);
    }
  }

  #found(phase: Extract<Phase, { kind: 'ready' | 'available' }>): void {
    this.#set(phase);
    if (this.#stopped || this.#told === phase.version) return;
    this.#told = phase.version;
    if (phase.kind === 'ready') this.#options.notify('Update ready', `AIRisk Token Tray ${phase.version} is downloaded. Choose "Restart to update to ${phase.version}" in the tray menu when it suits you.`);
    else this.#options.notify('Update available', `${this.#status()} Choose "Version ${phase.version} available — open download page" in the tray menu.`);
  }

  #set(phase: Phase): void {
    this.#phase = phase;
    if (!this.#stopped) this.#options.onChange();
  }

  #schedule(delayMs: number): void {
    this.#disarm();
    if (this.#stopped || this.#mode.kind === 'off' || !this.#options.automatic()) return;
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
