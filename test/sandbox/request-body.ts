import type { IncomingMessage } from 'node:http';

/** The largest request body the sandbox reads (64 KiB); larger ones get 413. */
export const MAX_BODY_BYTES = 64 * 1024;

/** How a body was encoded, judged by its Content-Type. */
export type BodyEncoding = 'form' | 'json' | 'unsupported';

/**
 * A parsed request body. `values` maps each parameter name to its value; a name that was sent
 * more than once or (JSON) with a value that is not a string maps to null; parameters sent empty
 * (or as JSON null) are dropped, as RFC 6749 §3.1 asks ("treated as if they were omitted").
 */
export type ParsedBody =
  | {
      readonly ok: true;
      readonly encoding: 'form' | 'json';
      readonly fieldNames: readonly string[];
      readonly values: ReadonlyMap<string, string | null>;
    }
  | { readonly ok: false; readonly encoding: BodyEncoding; readonly error: string };

/**
 * Reads the whole body, or gives up with 'too-large' as soon as it exceeds `limitBytes` (the rest
 * is drained and discarded so the 413 answer can still be read by the client).
 */
export function readBody(req: IncomingMessage, limitBytes = MAX_BODY_BYTES): Promise<Buffer | 'too-large'> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limitBytes) {
    req.resume();
    return Promise.resolve('too-large');
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limitBytes) {
        req.off('data', onData).off('end', onEnd);
        req.resume();
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => resolve(Buffer.concat(chunks));
    req.on('data', onData).on('end', onEnd).once('error', reject);
  });
}

/** The media type of a Content-Type header, lower-cased, without parameters ('' when absent). */
export function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** Parses an `application/x-www-form-urlencoded` or `application/json` body. */
export function parseBody(contentType: string | undefined, body: Buffer): ParsedBody {
  const type = mediaType(contentType);
  if (type === 'application/x-www-form-urlencoded') return parseForm(body.toString('utf8'));
  if (type === 'application/json') return parseJson(body.toString('utf8'));
  const shown = type === '' ? 'no Content-Type' : `Content-Type ${type}`;
  return {
    ok: false,
    encoding: 'unsupported',
    error: `Unsupported ${shown}: send application/x-www-form-urlencoded or application/json.`,
  };
}

function parseForm(text: string): ParsedBody {
  const values = new Map<string, string | null>();
  const fieldNames = new Set<string>();
  for (const [name, value] of new URLSearchParams(text)) {
    if (fieldNames.has(name)) {
      values.set(name, null);
      continue;
    }
    fieldNames.add(name);
    if (value !== '') values.set(name, value);
  }
  return { ok: true, encoding: 'form', fieldNames: [...fieldNames], values };
}

function parseJson(text: string): ParsedBody {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return { ok: false, encoding: 'json', error: 'The request body is not valid JSON.' };
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    return { ok: false, encoding: 'json', error: 'The JSON request body must be an object.' };
  }
  const values = new Map<string, string | null>();
  for (const [name, value] of Object.entries(document)) {
    if (typeof value === 'string') {
      if (value !== '') values.set(name, value);
    } else if (value !== null) {
      values.set(name, null);
    }
  }
  return { ok: true, encoding: 'json', fieldNames: Object.keys(document), values };
}
