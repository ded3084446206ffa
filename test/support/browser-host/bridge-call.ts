/**
 * One bridge call: `POST /__airisk/call/<method>` with JSON `{ "args": [...] }`, answered with
 * `{ "ok": true, "value": … }` or `{ "ok": false, "error": "<message>" }` (both HTTP 200; the
 * method threw or its arguments were refused). A malformed call (unknown method, args not an
 * array, not JSON) is a 400. The calls run through the same binding as Electron's IPC
 * (`bindContractHandlers`: argument checks, dispatch, plain error messages), so the host answers a
 * bad argument exactly as the app does.
 */
import type { IncomingMessage } from 'node:http';
import type { AiriskApi, AiriskMethodName } from '../../../src-main/contract.ts';
import { AIRISK_METHOD_NAMES } from '../../../src-main/contract-methods.ts';
import { bindContractHandlers } from '../../../src-main/core/ipc/ipc-binding.ts';
import { channelFor } from '../../../src-main/core/ipc/ipc-channels.ts';
import { messageOf } from '../../../src-main/shared/message-of.ts';

/** Largest request body accepted (settings are the biggest argument, far below this). */
export const MAX_CALL_BODY_BYTES = 64 * 1024;

/** An HTTP answer as status and JSON text. */
export interface CallAnswer {
  readonly status: number;
  readonly body: string;
}

/** True when `name` is a method of the contract. */
export function isMethodName(name: string): name is AiriskMethodName {
  return (AIRISK_METHOD_NAMES as readonly string[]).includes(name);
}

/** Reads the body of `req` as UTF-8 text, or undefined when it exceeds {@link MAX_CALL_BODY_BYTES}. */
export async function readCallBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_CALL_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Answers calls on `api` through the contract's IPC binding. */
export type CallAnswerer = (method: string, body: string) => Promise<CallAnswer>;

/**
 * Binds `api` as Electron's ipc.ts does. The sender check is the request guard's (Host, Origin and
 * the per-run key), which every call passed before it gets here, so the binding trusts it.
 */
export function createCallAnswerer(api: AiriskApi): CallAnswerer {
  const handlers = new Map<string, (sender: null, ...args: unknown[]) => Promise<unknown>>();
  bindContractHandlers<null>({ handle: (channel, handler) => handlers.set(channel, handler) }, api, () => true);
  return async (method, body) => {
    const handler = isMethodName(method) ? handlers.get(channelFor(method)) : undefined;
    if (handler === undefined) return refuse(400, `"${method.slice(0, 60)}" is not a method of window.airisk.`);
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return refuse(400, 'The call body must be JSON: {"args": [...]}.');
    }
    const args: unknown = typeof parsed === 'object' && parsed !== null ? (parsed as { args?: unknown }).args : undefined;
    if (!Array.isArray(args)) return refuse(400, 'The call body must be {"args": [...]} with args an array.');
    try {
      const value = await handler(null, ...(args as unknown[]));
      return { status: 200, body: JSON.stringify({ ok: true, value }) };
    } catch (error) {
      return { status: 200, body: JSON.stringify({ ok: false, error: messageOf(error) }) };
    }
  };
}

/** A refusal in the bridge's answer shape. */
export function refuse(status: number, message: string): CallAnswer {
  return { status, body: JSON.stringify({ ok: false, error: message }) };
}
