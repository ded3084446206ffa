import { copyFile, mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { CliInstallOutcome, CliToolView, ConsentAnswer, TerminalView } from '../../contract.ts';
import type { TimerPort } from '../ports/timer-port.ts';
import { cliToolState, findNode, installCli, type CliInstallContext } from '../terminal/cli-install.ts';
import { ConsentBroker, type TerminalRead } from '../terminal/consent-broker.ts';
import { storedSessionMinutes } from '../settings/settings-validation.ts';
import { startTerminalAccess, type RunningTerminalAccess } from '../terminal/terminal-access.ts';
import type { TerminalTokenSource } from '../terminal/terminal-ports.ts';
import { withLoginShellPath } from '../terminal/login-shell-path.ts';
import { TerminalSetupError } from '../terminal/terminal-setup-error.ts';
import { messageOf } from '../../shared/message-of.ts';

/** What a face (Electron, the browser host) tells the app so it can offer terminal access. */
export interface TerminalFace {
  /** The app's data folder: the socket and its key live in `<dataDir>/terminal`. */
  readonly dataDir: string;
  /** The version `/v1/status` reports. */
  readonly version: string;
  /** The bundled `airisk-token` (absolute) that Settings → Install command-line tool links to. */
  readonly cliPath: string;
  /** Brings the window forward: a consent prompt has just appeared in it. */
  readonly showWindow?: () => void;
  /** Platform, home, PATH and environment the installer looks at (default: this process's). */
  readonly installEnvironment?: Pick<CliInstallContext, 'platform' | 'home' | 'path' | 'env'>;
}

/** The settings terminal access follows. */
export interface TerminalSettings {
  readonly allowTerminalAccess: boolean;
  readonly terminalSessionMinutes: number;
}

/**
 * Terminal access inside the app: starts and stops the access server as the setting says, holds
 * the consent broker (prompts, sessions, the read audit), and answers for the window. Every
 * change reaches `onChange` (the app's state event).
 */
export class TerminalDesk {
  readonly #face: TerminalFace;
  readonly #source: TerminalTokenSource;
  readonly #broker: ConsentBroker;
  #running: RunningTerminalAccess | null = null;
  #enabled = false;
  #problem: string | null = null;
  #cli: CliToolView;
  /** Starts and stops run one after another, so quick toggles never leave two servers or none. */
  #queue: Promise<void> = Promise.resolve();
  #shownConsentId: string | null = null;
  /** The AppImage's bundle, copied into the data folder once per run (see #stableCliPath). */
  #cliCopy: Promise<string> | undefined;
  /** Set by close(): nothing starts the server again (a setting change racing the quit). */
  #closed = false;
  readonly #onChange: () => void;

  constructor(options: { readonly face: TerminalFace; readonly source: TerminalTokenSource; readonly timers: TimerPort; readonly onChange: () => void }) {
    this.#face = options.face;
    this.#source = options.source;
    this.#onChange = options.onChange;
    this.#cli = { nodeFound: false, note: null, installedAt: null, installCommand: '' };
    this.#broker = new ConsentBroker({ timers: options.timers });
    this.#broker.onChange(() => {
      this.#bringPromptForward();
      this.#onChange();
    });
  }

  /** Follows the settings: starts or stops the server, sets the session length. Never rejects. */
  apply(settings: TerminalSettings): Promise<void> {
    if (this.#closed) return this.#queue;
    // Settings validation and the store reader keep this in range; a bad value must still not stop the app.
    this.#broker.setSessionMinutes(storedSessionMinutes(settings.terminalSessionMinutes));
    return this.#enqueue(settings.allowTerminalAccess);
  }

  /** Runs one start or stop after the previous one; a failure shows as the problem, never as a rejection. */
  #enqueue(enabled: boolean): Promise<void> {
    this.#queue = this.#queue.then(() => this.#follow(enabled)).catch((error: unknown) => {
      this.#problem = `Terminal access could not ${enabled ? 'start' : 'stop'}: ${messageOf(error)}`;
      this.#onChange();
    });
    return this.#queue;
  }

  /** What the window shows. */
  view(): TerminalView {
    const { consent, sessions } = this.#broker.view();
    return { enabled: this.#enabled, endpoint: this.#running?.endpoint ?? null, problem: this.#problem, sessionMinutes: this.#broker.sessionMinutes, consent, sessions, cli: this.#cli };
  }

  /** The last terminal read of each account (for the audit line); never a token. */
  lastReads(): ReadonlyMap<string, TerminalRead> {
    return this.#broker.lastReads();
  }

  answer(requestId: string, answer: ConsentAnswer): void {
    if (!this.#broker.answer(requestId, answer)) throw new Error('That terminal request is no longer waiting: it was answered, it timed out, or the terminal gave up.');
  }

  /** Ends one session, or every session and grant when `sessionId` is null. */
  revoke(sessionId: string | null): void {
    if (sessionId === null) this.#broker.revokeAll('revoked in Settings');
    else if (!this.#broker.revoke(sessionId)) throw new Error('That terminal session has already ended.');
  }

  /** Locking the screen ends every session: whoever unlocks it is asked again. */
  screenLocked(): void {
    this.#broker.revokeAll('the screen was locked');
  }

  async installCommandLineTool(): Promise<CliInstallOutcome> {
    const context = await this.#installContext();
    const outcome = await installCli(context);
    await this.#showCliState(context);
    return outcome;
  }

  /** Looks again for Node and an installed launcher (Settings shows both). */
  async refreshCliState(): Promise<void> {
    await this.#showCliState(await this.#installContext());
  }

  async #showCliState(context: CliInstallContext): Promise<void> {
    this.#cli = await cliToolState(context);
    this.#onChange();
  }

  /** Quitting: every session ends and the socket goes away. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#broker.revokeAll('the app quit');
    await this.#enqueue(false);
  }

  async #follow(enabled: boolean): Promise<void> {
    this.#enabled = enabled;
    if (enabled && this.#running === null) {
      try {
        this.#running = await startTerminalAccess({ dataDir: this.#face.dataDir, source: this.#source, broker: this.#broker, version: this.#face.version });
        this.#problem = null;
      } catch (error) {
        this.#problem = error instanceof TerminalSetupError ? error.message : `Terminal access could not start: ${messageOf(error)}`;
      }
    } else if (!enabled) {
      this.#problem = null;
      if (this.#running !== null) {
        this.#broker.revokeAll('terminal access was turned off');
        const running = this.#running;
        this.#running = null;
        await running.close();
      }
    }
    this.#onChange();
  }

  /** A prompt that has just appeared brings the window forward (once per request). */
  #bringPromptForward(): void {
    const shown = this.#broker.shownRequestId();
    if (shown !== null && shown !== this.#shownConsentId) this.#face.showWindow?.();
    this.#shownConsentId = shown;
  }

  async #installContext(): Promise<CliInstallContext> {
    const given = this.#face.installEnvironment ?? { platform: process.platform, home: homedir(), path: pathOf(process.env, process.platform), env: process.env };
    const environment = { ...given, path: await withLoginShellPath(given.path, given.env, given.platform) };
    return { ...environment, cliPath: await this.#stableCliPath(environment.env), node: await findNode(environment) };
  }

  /**
   * The bundle a launcher may point at. An AppImage runs from a mount that vanishes when the app
   * quits (`/tmp/.mount_…`), so there the bundle is copied into the data folder first.
   */
  #stableCliPath(env: NodeJS.ProcessEnv): Promise<string> {
    if (env.APPIMAGE === undefined || env.APPIMAGE === '') return Promise.resolve(this.#face.cliPath);
    // The mounted bundle cannot change while this process runs: one copy per run.
    this.#cliCopy ??= (async () => {
      const copy = join(this.#face.dataDir, 'cli', basename(this.#face.cliPath));
      await mkdir(dirname(copy), { recursive: true, mode: 0o700 });
      await copyFile(this.#face.cliPath, copy);
      return copy;
    })();
    return this.#cliCopy;
  }
}

/** PATH as the platform spells it (Windows: `Path`, any case). */
function pathOf(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string {
  if (platform !== 'win32') return env.PATH ?? '';
  const key = Object.keys(env).find((name) => name.toLowerCase() === 'path');
  return key === undefined ? '' : (env[key] ?? '');
}
