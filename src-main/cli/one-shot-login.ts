/**
 * `airisk-token login --no-app`: today's one-shot sign-in (the browser, the loopback callback, an
 * optional pasted address), printing the token and storing nothing.
 */
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { userDataDirectory } from '../core/app-paths.ts';
import { formatExpiration } from '../core/oauth/expiration.ts';
import { isSignInError, SignInError } from '../core/oauth/sign-in-error.ts';
import { startSignIn, type SignInProgress, type SignInResult } from '../core/oauth/sign-in.ts';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE } from './exit-codes.ts';
import type { LoginCommand, OutputFormat } from './one-shot-arguments.ts';
import { openInSystemBrowser } from './open-in-browser.ts';
import type { CliIo } from './run-cli.ts';

/** Signs in once and prints the result: 0 signed in, 1 failed or denied, 2 a configuration problem. */
export async function runOneShotLogin(command: LoginCommand, io: CliIo): Promise<number> {
  try {
    const result = await login(command, io);
    if (result.token.clockWarning !== undefined) io.stderr.write(`Warning: ${result.token.clockWarning}\n`);
    io.stdout.write(`${formatResult(result, command.format)}\n`);
    return EXIT_OK;
  } catch (error) {
    if (isSignInError(error, 'invalid_configuration')) {
      io.stderr.write(`${error.message}\n`);
      return EXIT_USAGE;
    }
    io.stderr.write(`Sign-in failed: ${error instanceof SignInError ? error.message : 'unexpected error.'}\n`);
    return EXIT_FAILED;
  }
}

async function login(command: LoginCommand, io: CliIo): Promise<SignInResult> {
  const openUrl = io.openUrl ?? ((url: string) => openInSystemBrowser(url, io.env));
  let pasteReader: ReturnType<typeof createInterface> | undefined;
  const attempt = startSignIn(
    {
      config: command.config,
      ...(command.userid === undefined ? {} : { userid: command.userid }),
      ...(command.callbackTimeoutMs === undefined ? {} : { callbackTimeoutMs: command.callbackTimeoutMs }),
      onProgress: (progress) => {
        describeProgress(progress, command, io.stderr);
        if (progress.stage === 'waiting_for_browser' && (command.paste || !progress.listening)) {
          pasteReader = readPastedUrls(io, (url) => attempt.submitRedirectedUrl(url));
        }
      },
    },
    {
      openUrl: command.openBrowser ? openUrl : () => Promise.resolve(),
      // Loaded only for an https redirect URI (selfsigned and its X.509 libraries are slow to load).
      localhostCertificate: async () => (await import('../core/oauth/localhost-certificate.ts')).loadOrCreateLocalhostCertificate(join(userDataDirectory(io.env), 'localhost-tls')),
    },
  );
  const onInterrupt = (): void => attempt.cancel();
  io.interrupt?.addEventListener('abort', onInterrupt, { once: true });
  try {
    return await attempt.result;
  } finally {
    io.interrupt?.removeEventListener('abort', onInterrupt);
    pasteReader?.close();
  }
}

function describeProgress(progress: SignInProgress, command: LoginCommand, stderr: NodeJS.WritableStream): void {
  switch (progress.stage) {
    case 'opening_browser':
      stderr.write(`${command.openBrowser ? 'Opening your browser to sign in' : 'Open this address in your browser to sign in'}${command.userid === undefined ? '' : ` as ${command.userid}`}:\n  ${progress.authorizationUrl}\n`);
      return;
    case 'waiting_for_browser':
      for (const note of progress.notes) stderr.write(`${note}\n`);
      if (progress.listening) stderr.write(`Waiting for AIRisk to redirect to ${progress.redirectUri} … (Ctrl+C cancels)\n`);
      if (command.paste || !progress.listening) stderr.write('Paste the address your browser was redirected to, then press Enter:\n');
      return;
    case 'exchanging_code':
      stderr.write('Exchanging the code for a token …\n');
      return;
  }
}

/** Reads lines from stdin as pasted redirect URLs; a wrong one is explained and the wait goes on. */
function readPastedUrls(io: CliIo, submit: (url: string) => void): ReturnType<typeof createInterface> {
  const lines = createInterface({ input: io.stdin, terminal: false });
  lines.on('line', (line) => {
    if (line.trim() === '') return;
    try {
      submit(line);
    } catch (error) {
      if (isSignInError(error, 'paste_invalid')) io.stderr.write(`${error.message}\nPaste the address again, or press Ctrl+C to cancel:\n`);
    }
  });
  return lines;
}

/** What the CLI prints on stdout for each `--format`. */
export function formatResult(result: SignInResult, format: OutputFormat): string {
  const token = result.token.accessToken;
  if (format === 'token') return token;
  if (format === 'json') {
    return JSON.stringify({ access_token: token, expiration: formatExpiration(result.token.expiration), userid: result.userid ?? null });
  }
  return `Authorization: Bearer ${token}`;
}
