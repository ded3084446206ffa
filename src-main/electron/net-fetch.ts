import { net } from 'electron';
import type { FetchPort } from '../core/oauth/fetch-port.ts';

/**
 * FetchPort over `net.fetch`: Chromium's network stack, so the token request honours the system
 * proxy, PAC scripts and proxy authentication (Node's fetch ignores them). No cookies are sent or
 * stored, and custom protocol handlers (our `app:` scheme) are bypassed.
 *
 * With `redirect: 'manual'` Electron does not hand back the 3xx response as Node's fetch does: it
 * rejects ("Redirect was cancelled"). The redirect is never followed either way (the body carries
 * the client secret); the rejection is given the code `REDIRECT_REFUSED` so the token client's
 * message names it.
 */
export const netFetch: FetchPort = async (url, init) => {
  try {
    return await net.fetch(url, {
      method: init.method,
      headers: init.headers,
      body: init.body,
      signal: init.signal,
      redirect: init.redirect,
      credentials: 'omit',
      bypassCustomProtocolHandlers: true,
    });
  } catch (error) {
    if (!init.signal.aborted && error instanceof Error && /redirect/i.test(error.message)) {
      throw Object.assign(new Error('AIRisk answered the token request with a redirect, which is not followed.'), { code: 'REDIRECT_REFUSED' });
    }
    throw error;
  }
};
