/**
 * Times the token POSTs the app makes, from outside the app: Node's fetch (undici) publishes every
 * request on diagnostics channels, from creation to the last byte of the response. Row 1 subtracts
 * each sign-in's own POST — AIRisk's time, loopback included — from that sign-in.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { nowMs } from './stats.ts';

/** The part of undici's request object this reads. */
interface UndiciRequestMessage {
  readonly request: { readonly path: string };
}

const CREATED = 'undici:request:create';
const FINISHED = 'undici:request:trailers';

export interface TokenPostTimer {
  /** The duration (ms) of the token POST that finished since the last call; throws unless exactly one did. */
  take(): number;
  stop(): void;
}

/** Starts timing every fetch whose path is `path` (e.g. /api/oauth2/Token). */
export function timeFetchesTo(path: string): TokenPostTimer {
  const startedAt = new WeakMap<object, number>();
  let finished: number[] = [];
  const onCreated = (message: unknown): void => {
    const { request } = message as UndiciRequestMessage;
    if (request.path.split('?')[0] === path) startedAt.set(request, nowMs());
  };
  const onFinished = (message: unknown): void => {
    const { request } = message as UndiciRequestMessage;
    const started = startedAt.get(request);
    if (started !== undefined) finished.push(nowMs() - started);
  };
  subscribe(CREATED, onCreated);
  subscribe(FINISHED, onFinished);
  return {
    take() {
      const [duration, ...more] = finished;
      finished = [];
      if (duration === undefined || more.length > 0) throw new Error(`expected one POST to ${path} since the last reading, saw ${more.length + (duration === undefined ? 0 : 1)}`);
      return duration;
    },
    stop() {
      unsubscribe(CREATED, onCreated);
      unsubscribe(FINISHED, onFinished);
    },
  };
}
