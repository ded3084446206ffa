/**
 * On macOS an app started from the Finder or the Dock gets launchd's minimal PATH
 * (/usr/bin:/bin:/usr/sbin:/sbin): Homebrew's or nvm's `node` and `~/.local/bin` are not on it,
 * though every terminal has them. The login shell knows the PATH a terminal gets.
 */
import { execFile } from 'node:child_process';
import { delimiter } from 'node:path';

/** Marks the login shell's answer, so lines its profile prints on start are told apart. */
const MARK = '__AIRISK_PATH__';

/**
 * `path` with the login shell's PATH entries appended (no duplicates) on macOS; `path` itself
 * elsewhere, or when the shell does not answer within 3 s.
 */
export async function withLoginShellPath(path: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform): Promise<string> {
  if (platform !== 'darwin') return path;
  const shell = env.SHELL !== undefined && env.SHELL.startsWith('/') ? env.SHELL : '/bin/zsh';
  const answer = await new Promise<string | undefined>((resolve) => {
    execFile(shell, ['-ilc', `printf '%s%s' '${MARK}' "$PATH"`], { timeout: 3000, env, windowsHide: true }, (error, stdout) => resolve(error === null ? stdout : undefined));
  });
  const found = answer?.slice(answer.lastIndexOf(MARK) + MARK.length);
  if (answer === undefined || !answer.includes(MARK) || found === undefined) return path;
  const entries = path.split(delimiter).filter((entry) => entry !== '');
  for (const entry of found.split(delimiter)) if (entry !== '' && !entries.includes(entry)) entries.push(entry);
  return entries.join(delimiter);
}
