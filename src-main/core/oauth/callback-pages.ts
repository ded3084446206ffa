import { accessDeniedText } from './callback-parameters.ts';
import { escapeHtml } from './html-escape.ts';

/** One page the callback server shows in the browser: what happened and what to do next. */
export interface CallbackPage {
  readonly status: number;
  readonly title: string;
  /** What happened. */
  readonly message: string;
  /** What the person should do now. */
  readonly next: string;
}

/** Headers sent with every callback page: no caching, no referrer, nothing loaded, no framing. */
export const CALLBACK_PAGE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  Pragma: 'no-cache',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Content-Security-Policy':
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
};

const APP = 'AIRisk Token Tray';
const CLOSE_TAB = `You can close this tab and return to ${APP}.`;
const START_AGAIN = `This link was not for the sign-in in progress — start again from the app (${APP}).`;

const STYLE =
  'body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;' +
  'color:#1b1f24;background:#fff;line-height:1.5}h1{font-size:1.4rem}p.next{font-weight:600}' +
  '@media (prefers-color-scheme:dark){body{color:#e6e6e6;background:#16181c}}';

/**
 * Renders a page as self-contained HTML: no script, no external resource, every dynamic text
 * escaped. Callers must never put the authorization code or the state into a page.
 */
export function renderCallbackPage(page: CallbackPage): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(page.title)} — ${APP}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>${escapeHtml(page.title)}</h1>`,
    `<p>${escapeHtml(page.message)}</p>`,
    `<p class="next">${escapeHtml(page.next)}</p>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The pages the callback server can answer with. Texts given as arguments are escaped on render. */
export const callbackPages = {
  finished(outcome: { ok: boolean; title: string; detail: string }): CallbackPage {
    return {
      status: 200,
      title: outcome.title,
      message: outcome.detail,
      next: outcome.ok ? CLOSE_TAB : `You can close this tab; ${APP} shows what to do next.`,
    };
  },
  finishUnknown(): CallbackPage {
    return {
      status: 200,
      title: 'Back from AIRisk',
      message: `The browser part of the sign-in is done; ${APP} is still finishing it.`,
      next: `${CLOSE_TAB} It shows whether the sign-in worked.`,
    };
  },
  cancelledWhileFinishing(): CallbackPage {
    return {
      status: 200,
      title: 'Sign-in cancelled',
      message: `The sign-in was cancelled in ${APP} before it finished.`,
      next: `${CLOSE_TAB} Start again from the app if you still want to sign in.`,
    };
  },
  refused(detail: string): CallbackPage {
    return {
      status: 200,
      title: 'Sign-in refused',
      message: accessDeniedText(detail),
      next: `${CLOSE_TAB} Start the sign-in again from the app; if it is refused again, check its settings.`,
    };
  },
  /** Names no issuer: an attacker's address on this page would only lend it credibility. */
  wrongIssuer(): CallbackPage {
    return {
      status: 400,
      title: 'Sign-in refused: another issuer',
      message: 'This answer came from another issuer than the one the sign-in expects, so its code was not used.',
      next: `${CLOSE_TAB} It names both issuers and what to check.`,
    };
  },
  authorizationError(error: string, detail: string): CallbackPage {
    return {
      status: 200,
      title: 'Sign-in failed',
      message: `AIRisk did not authorize the sign-in (error “${error}”${detail === '' ? '' : `: “${detail}”`}).`,
      next: `${CLOSE_TAB} Check the client settings there and start the sign-in again.`,
    };
  },
  wrongState(): CallbackPage {
    return {
      status: 400,
      title: 'Not the sign-in in progress',
      message: 'This address did not come from the sign-in that is waiting, so it was ignored.',
      next: START_AGAIN,
    };
  },
  noCode(): CallbackPage {
    return {
      status: 400,
      title: 'No sign-in result',
      message: 'This address came back from AIRisk without an authorization code, so it was ignored.',
      next: `Finish the sign-in on AIRisk’s page, or start again from the app (${APP}).`,
    };
  },
  alreadyCompleted(): CallbackPage {
    return {
      status: 409,
      title: 'Sign-in already completed',
      message: 'This sign-in was already completed; a link can be used only once.',
      next: `${CLOSE_TAB} To sign in again, start again from the app.`,
    };
  },
  ended(): CallbackPage {
    return {
      status: 410,
      title: 'Sign-in no longer in progress',
      message: 'This sign-in has already ended (finished, cancelled or timed out).',
      next: `Start again from the app (${APP}) if you still want to sign in.`,
    };
  },
  notReady(): CallbackPage {
    return {
      status: 503,
      title: 'Not ready',
      message: 'No sign-in is waiting at this address yet.',
      next: `Start the sign-in from the app (${APP}).`,
    };
  },
  notFound(): CallbackPage {
    return {
      status: 404,
      title: 'Not found',
      message: `This local address only receives the sign-in result for ${APP}.`,
      next: `${CLOSE_TAB}`,
    };
  },
  methodNotAllowed(): CallbackPage {
    return {
      status: 405,
      title: 'Method not allowed',
      message: 'The sign-in result must arrive as a plain browser redirect (GET).',
      next: `Start again from the app (${APP}).`,
    };
  },
  badHost(): CallbackPage {
    return {
      status: 400,
      title: 'Wrong address',
      message: 'This request did not address this computer’s loopback interface, so it was refused.',
      next: `Start the sign-in from the app (${APP}) and let it open the browser.`,
    };
  },
  badRequest(): CallbackPage {
    return {
      status: 400,
      title: 'Bad request',
      message: 'This request could not be read.',
      next: `Start again from the app (${APP}).`,
    };
  },
} as const;
