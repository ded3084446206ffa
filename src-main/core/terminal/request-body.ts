/** Reads a request's JSON body, at most {@link MAX_BODY_BYTES}; stops reading as soon as it is over. */
import type { IncomingMessage } from 'node:http';
import { AccessError } from './access-error.ts';

/** Largest request body (and header block) the terminal access server accepts: 16 KiB. */
export const MAX_BODY_BYTES = 16 * 1024;

function tooLarge(): AccessError {
  return new AccessError(413, 'too_large', `The request body is larger than ${MAX_BODY_BYTES / 1024} KiB; send only the documented fields.`);
}

/** The body parsed as JSON (an empty body is `{}`); AccessError 413 `too_large` or 400 `bad_request`. */
export async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const declared = Number(request.headers['content-length'] ?? '0');
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const text = (await readLimited(request)).toString('utf8');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AccessError(400, 'bad_request', 'The request body is not valid JSON; send an object such as {"userid":"user_42"}.');
  }
}

/** Collects the body; over the limit it stops reading (pauses, drops the rest) and rejects. */
function readLimited(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) {
        chunks.push(chunk);
        return;
      }
      request.off('data', onData);
      request.pause();
      reject(tooLarge());
    };
    request.on('data', onData);
    request.once('end', () => resolve(Buffer.concat(chunks)));
    request.once('error', reject);
  });
}
