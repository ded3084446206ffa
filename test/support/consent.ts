/**
 * The person at the browser: opens the authorization URL, reads the consent page, presses Approve
 * or Deny, and follows the redirect to the app's loopback callback — over real HTTP, no fetch
 * magic in between, so the test sees exactly what a browser would send and receive.
 */
import { request as httpRequest } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** What the person saw and where the browser went. */
export interface ConsentOutcome {
  /** The consent page HTML. */
  readonly consentPage: string;
  /** The absolute URL AIRisk redirected the browser to after the decision. */
  readonly location: string;
  /** The app's answer at `location`; absent with `followRedirect: false`. */
  readonly callback?: { readonly status: number; readonly body: string; readonly headers: Headers };
}

/** Options of {@link completeConsent}. */
export interface ConsentOptions {
  /** GET the redirect location like a browser would (default true). */
  readonly followRedirect?: boolean;
  /** Per-request timeout in milliseconds (default 10 000). */
  readonly timeoutMs?: number;
}

/** The answer to one request, body as UTF-8 text. */
interface PlainResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/**
 * Acts like a person in a browser: GETs the authorization URL (it must answer 200 HTML), posts the
 * consent form's hidden fields with `decision`, reads the 302 `Location` and, unless
 * `followRedirect` is false, GETs that location and returns what the app answered there.
 */
export async function completeConsent(
  authorizationUrl: string,
  decision: 'approve' | 'deny',
  options: ConsentOptions = {},
): Promise<ConsentOutcome> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const pageUrl = new URL(authorizationUrl);
  const page = await send(pageUrl, { method: 'GET', timeoutMs });
  const pageType = page.headers['content-type'] ?? '';
  if (page.status !== 200 || !pageType.startsWith('text/html')) {
    throw new Error(`Expected the consent page (200 text/html), got ${page.status} ${pageType}: ${page.body.slice(0, 300)}`);
  }

  const form = findConsentForm(page.body);
  const formUrl = new URL(form.action, pageUrl);
  const fields = new URLSearchParams(form.hiddenFields);
  fields.set('decision', decision);
  const answer = await send(formUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: fields.toString(),
    timeoutMs,
  });
  const locationHeader = answer.headers.location;
  if (answer.status !== 302 || locationHeader === undefined) {
    throw new Error(`Expected a 302 redirect after "${decision}", got ${answer.status}: ${answer.body.slice(0, 300)}`);
  }
  const location = new URL(locationHeader, formUrl).href;
  if (options.followRedirect === false) return { consentPage: page.body, location };

  const callback = await send(new URL(location), { method: 'GET', timeoutMs });
  return {
    consentPage: page.body,
    location,
    callback: { status: callback.status, body: callback.body, headers: toHeaders(callback.headers) },
  };
}

/** The consent form's action and its hidden inputs, in page order, with HTML entities decoded. */
export function findConsentForm(html: string): { action: string; hiddenFields: [string, string][] } {
  const formTag = /<form\b[^>]*>/i.exec(html)?.[0];
  if (formTag === undefined) throw new Error('The consent page has no <form>.');
  const method = attribute(formTag, 'method');
  if (method?.toLowerCase() !== 'post') throw new Error(`The consent form's method is ${method ?? 'missing'}, not post.`);
  const hiddenFields: [string, string][] = [];
  for (const [input] of html.matchAll(/<input\b[^>]*>/gi)) {
    if (attribute(input, 'type')?.toLowerCase() !== 'hidden') continue;
    const name = attribute(input, 'name');
    if (name !== undefined) hiddenFields.push([name, attribute(input, 'value') ?? '']);
  }
  return { action: attribute(formTag, 'action') ?? '', hiddenFields };
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  if (match === null) return undefined;
  return decodeEntities(match[1] ?? match[2] ?? match[3] ?? '');
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (entity, body: string) => {
    const lower = body.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(Number.parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(Number.parseInt(lower.slice(1), 10));
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    return named[lower] ?? entity;
  });
}

function toHeaders(incoming: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  return headers;
}

/**
 * One request with node:http or node:https. For `https:` the app's loopback callback uses a
 * self-signed certificate: `rejectUnauthorized: false` is what the person's browser does once they
 * accept the certificate warning. `localhost` may resolve to ::1 or 127.0.0.1; Node tries every
 * address it resolves to (autoSelectFamily), as a browser does.
 */
function send(
  url: URL,
  init: { method: string; headers?: Record<string, string>; body?: string; timeoutMs: number },
): Promise<PlainResponse> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { Accept: 'text/html,*/*', ...init.headers };
    if (init.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(init.body));
    const onResponse = (res: IncomingMessage): void => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.once('error', reject);
      res.once('end', () => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') });
      });
    };
    const common = { method: init.method, headers, agent: false, timeout: init.timeoutMs } as const;
    const req = url.protocol === 'https:'
      ? httpsRequest(url, { ...common, rejectUnauthorized: false }, onResponse)
      : url.protocol === 'http:'
        ? httpRequest(url, common, onResponse)
        : undefined;
    if (req === undefined) {
      reject(new Error(`Cannot open ${url.protocol} URLs.`));
      return;
    }
    req.once('timeout', () => req.destroy(new Error(`${init.method} ${url.origin}${url.pathname} timed out after ${init.timeoutMs} ms`)));
    req.once('error', reject);
    req.end(init.body);
  });
}
