/**
 * Settings → "Install command-line tool": puts an `airisk-token` launcher for the bundled CLI
 * (dist/cli/airisk-token.mjs, shipped with the app) on the person's PATH, or says the one command
 * that does.
 *
 * - Linux: `~/.local/bin/airisk-token` (or `~/bin` when only that is on PATH), a tiny sh launcher,
 *   mode 0755; the answer says whether the folder is on PATH and how to add it.
 * - macOS: `~/.local/bin` when it is on PATH; else `/usr/local/bin`, which needs an administrator,
 *   so the answer is the one `sudo ln -sf …` command to run.
 * - Windows: `airisk-token.cmd` in `%LOCALAPPDATA%\Microsoft\WindowsApps` (on the user PATH by default).
 * - Node.js 20 or newer must be on PATH: the bundle is a Node program. (Electron's own binary can
 *   run it with ELECTRON_RUN_AS_NODE=1 in development, but the packaged app flips the runAsNode
 *   fuse off (electron-builder.yml), and a launcher tied to the app's install path breaks when the
 *   app moves; not used.)
 * - A file at the launcher's place that is not ours (no marker line, or a symlink elsewhere) is
 *   never overwritten: the answer names it and lets the person decide.
 */
import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access, chmod, lstat, mkdir, readFile, readlink, rename, rm, stat, writeFile } from 'node:fs/promises';
import { delimiter as posixDelimiter, posix, win32 } from 'node:path';
import { promisify } from 'node:util';
import type { CliInstallOutcome, CliToolView } from '../../contract.ts';
import { childProcessEnvironment } from '../process/child-environment.ts';

/** Node.js as found on PATH. */
export interface NodeFound {
  readonly path: string;
  /** "v20.11.1"; null when `node --version` did not answer. */
  readonly version: string | null;
}

/** Everything the plan depends on. */
export interface CliInstallContext {
  readonly platform: NodeJS.Platform;
  readonly home: string;
  /** The PATH value (`Path` on Windows). */
  readonly path: string;
  readonly env: NodeJS.ProcessEnv;
  /** The bundled CLI, absolute. */
  readonly cliPath: string;
  /** See {@link findNode}. */
  readonly node: NodeFound | null;
}

/** The plan: write this launcher, or tell the person a command / why not. */
export type CliInstallPlan =
  | { readonly kind: 'write'; readonly file: string; readonly contents: string; readonly onPath: boolean; readonly folder: string }
  | { readonly kind: 'tell'; readonly outcome: Extract<CliInstallOutcome, { ok: false }> };

/** The line that marks a launcher as ours (so a reinstall may replace it, and nothing else). */
export const LAUNCHER_MARKER = 'airisk-token launcher written by AIRisk Token Tray';
const MINIMUM_NODE_MAJOR = 20;
const MAC_SYSTEM_BIN = '/usr/local/bin';

function pathsOf(platform: NodeJS.Platform): typeof posix {
  return platform === 'win32' ? win32 : posix;
}

/** PATH's folders, normalised (Windows: case-insensitive, so lower-cased for comparison by {@link onPath}). */
function pathEntries(context: CliInstallContext): string[] {
  const paths = pathsOf(context.platform);
  return context.path.split(context.platform === 'win32' ? ';' : posixDelimiter).filter((entry) => entry !== '').map((entry) => paths.normalize(entry).replace(/[\\/]+$/, ''));
}

function onPath(context: CliInstallContext, folder: string): boolean {
  const paths = pathsOf(context.platform);
  const wanted = paths.normalize(folder).replace(/[\\/]+$/, '');
  const same = context.platform === 'win32' ? (entry: string) => entry.toLowerCase() === wanted.toLowerCase() : (entry: string) => entry === wanted;
  return pathEntries(context).some(same);
}

/** `'…'` for sh, safe for any path (a `'` becomes `'\''`). */
function shQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/** The sh launcher: runs the bundle with the `node` found on PATH at the time of the call. */
export function shLauncher(cliPath: string): string {
  return `#!/bin/sh\n# ${LAUNCHER_MARKER} (Settings → Install command-line tool); reinstalling replaces it.\nexec node ${shQuote(cliPath)} "$@"\n`;
}

/** The Windows launcher (`%` doubled: cmd expands it even inside quotes). */
export function cmdLauncher(cliPath: string): string {
  return `@echo off\r\nrem ${LAUNCHER_MARKER} (Settings - Install command-line tool); reinstalling replaces it.\r\nnode "${cliPath.replaceAll('%', '%%')}" %*\r\n`;
}

function windowsAppsFolder(context: CliInstallContext): string {
  const local = context.env.LOCALAPPDATA ?? win32.join(context.home, 'AppData', 'Local');
  return win32.join(local, 'Microsoft', 'WindowsApps');
}

/** The one command that installs the launcher by hand, for the person to run in a terminal. */
export function installCommand(context: Pick<CliInstallContext, 'platform' | 'home' | 'env' | 'cliPath'>): string {
  if (context.platform === 'win32') {
    const file = win32.join(windowsAppsFolder({ ...context, path: '', node: null }), 'airisk-token.cmd');
    return `echo @node "${context.cliPath}" %* > "${file}"`;
  }
  if (context.platform === 'darwin') return `sudo ln -sf ${shQuote(context.cliPath)} ${MAC_SYSTEM_BIN}/airisk-token`;
  return `mkdir -p ~/.local/bin && ln -sf ${shQuote(context.cliPath)} ~/.local/bin/airisk-token`;
}

/** Why the tool cannot run yet when Node.js is missing or too old; null when it is fine. */
function nodeProblem(node: NodeFound | null): string | null {
  if (node === null) return `Node.js was not found on PATH; install Node ${MINIMUM_NODE_MAJOR} or newer (https://nodejs.org), then choose Install command-line tool again.`;
  const major = Number(/^v?(\d+)\./.exec(node.version ?? '')?.[1] ?? Number.NaN);
  if (Number.isNaN(major)) return null;
  return major < MINIMUM_NODE_MAJOR ? `Node.js ${node.version ?? ''} is on PATH (${node.path}); airisk-token needs Node ${MINIMUM_NODE_MAJOR} or newer: update it, then choose Install command-line tool again.` : null;
}

/** Decides where the launcher goes (pure: no file is touched). */
export function planCliInstall(context: CliInstallContext): CliInstallPlan {
  const problem = nodeProblem(context.node);
  if (problem !== null) return { kind: 'tell', outcome: { ok: false, message: problem, command: installCommand(context) } };
  if (context.platform === 'win32') {
    const folder = windowsAppsFolder(context);
    return { kind: 'write', folder, file: win32.join(folder, 'airisk-token.cmd'), contents: cmdLauncher(context.cliPath), onPath: onPath(context, folder) };
  }
  const localBin = posix.join(context.home, '.local', 'bin');
  const homeBin = posix.join(context.home, 'bin');
  if (context.platform === 'darwin' && !onPath(context, localBin)) {
    const command = installCommand(context);
    return { kind: 'tell', outcome: { ok: false, message: `${MAC_SYSTEM_BIN} needs an administrator: run this in Terminal (it asks for your password), then open a new terminal.`, command } };
  }
  const folder = !onPath(context, localBin) && onPath(context, homeBin) ? homeBin : localBin;
  return { kind: 'write', folder, file: posix.join(folder, 'airisk-token'), contents: shLauncher(context.cliPath), onPath: onPath(context, folder) };
}

/** Whether the file at `file` is ours to replace: absent, our launcher, or a symlink to the bundle. */
async function launcherOwnership(file: string, cliPath: string): Promise<'absent' | 'ours' | 'foreign'> {
  const found = await lstat(file).catch(() => null);
  if (found === null) return 'absent';
  if (found.isSymbolicLink()) return (await readlink(file).catch(() => '')) === cliPath ? 'ours' : 'foreign';
  if (!found.isFile() || found.size > 4096) return 'foreign';
  return (await readFile(file, 'utf8').catch(() => '')).includes(LAUNCHER_MARKER) ? 'ours' : 'foreign';
}

function pathAdvice(context: CliInstallContext, folder: string): string {
  if (context.platform === 'win32') return `${folder} is not on your PATH: add it in Settings → System → About → Advanced system settings → Environment Variables, then open a new terminal.`;
  const shown = folder.startsWith(`${context.home}/`) ? `$HOME/${folder.slice(context.home.length + 1)}` : folder;
  return `${folder} is not on your PATH: add  export PATH="${shown}:$PATH"  to ~/.profile, then open a new terminal.`;
}

/** Carries out {@link planCliInstall}: writes the launcher (atomically, mode 0755) unless a foreign file is there. */
export async function installCli(context: CliInstallContext): Promise<CliInstallOutcome> {
  const plan = planCliInstall(context);
  if (plan.kind === 'tell') return plan.outcome;
  if ((await launcherOwnership(plan.file, context.cliPath)) === 'foreign') {
    return { ok: false, message: `${plan.file} already exists and is not AIRisk Token Tray's launcher, so it was left alone; if you no longer need it, remove it and choose Install command-line tool again.`, command: installCommand(context) };
  }
  try {
    await mkdir(plan.folder, { recursive: true, mode: 0o755 });
    const temporary = `${plan.file}.${String(process.pid)}.tmp`;
    await writeFile(temporary, plan.contents, { mode: 0o755, flag: 'w' });
    await chmod(temporary, 0o755);
    await rename(temporary, plan.file).catch(async (error: unknown) => {
      await rm(temporary, { force: true });
      throw error;
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return { ok: false, message: `The launcher could not be written to ${plan.file} (${code}); run this in a terminal instead.`, command: installCommand(context) };
  }
  const message = plan.onPath ? `Installed ${plan.file}: open a new terminal and run airisk-token status.` : `Installed ${plan.file}. ${pathAdvice(context, plan.folder)}`;
  return { ok: true, path: plan.file, onPath: plan.onPath, message };
}

/** Where our launcher is installed already (the planned place, or macOS's /usr/local/bin link), or null. */
export async function installedLauncher(context: CliInstallContext): Promise<string | null> {
  const plan = planCliInstall({ ...context, node: context.node ?? { path: 'node', version: null } });
  const candidates = plan.kind === 'write' ? [plan.file] : [`${MAC_SYSTEM_BIN}/airisk-token`];
  for (const file of candidates) if ((await launcherOwnership(file, context.cliPath)) === 'ours') return file;
  return null;
}

/** What Settings shows: Node found?, installed where?, the command that installs by hand. */
export async function cliToolState(context: CliInstallContext): Promise<CliToolView> {
  const note = context.node === null ? 'Node.js was not found on this computer. The airisk-token command runs on Node.js 20 or later: install it, then install the tool here.' : null;
  return { nodeFound: context.node !== null, note, installedAt: await installedLauncher(context), installCommand: installCommand(context) };
}

/** The first `node` (Windows: `node.exe`, `node.cmd`… per PATHEXT) on PATH that can be executed, with its version. */
export async function findNode(context: Pick<CliInstallContext, 'platform' | 'path' | 'env'>): Promise<NodeFound | null> {
  const windows = context.platform === 'win32';
  const names = windows ? (context.env.PATHEXT ?? '.COM;.EXE;.BAT;.CMD').split(';').filter((ext) => ext !== '').map((ext) => `node${ext.toLowerCase()}`) : ['node'];
  const paths = pathsOf(context.platform);
  for (const folder of pathEntries({ ...context, home: '', cliPath: '', node: null })) {
    if (!paths.isAbsolute(folder)) continue;
    for (const name of names) {
      const candidate = paths.join(folder, name);
      if (await isExecutableFile(candidate, windows)) return { path: candidate, version: await nodeVersion(candidate, context.env) };
    }
  }
  return null;
}

async function isExecutableFile(file: string, windows: boolean): Promise<boolean> {
  const found = await stat(file).catch(() => null);
  if (found === null || !found.isFile()) return false;
  return windows || (await access(file, constants.X_OK).then(() => true, () => false));
}

/** `node --version`, with the caller's environment minus ours (version managers' shims need HOME and the like). */
async function nodeVersion(node: string, env: NodeJS.ProcessEnv): Promise<string | null> {
  try {
    const { stdout } = await promisify(execFile)(node, ['--version'], { timeout: 5000, env: childProcessEnvironment(env) });
    return /^v\d+\.\d+\.\d+/.exec(stdout.trim())?.[0] ?? null;
  } catch {
    return null;
  }
}
