import { memo, useMemo, type ReactElement } from 'react';
import { useTick } from '../hooks/use-tick.ts';
import { formatExpiration } from '../lib/format-expiration.ts';

/** Props of {@link ExpirationTime}. */
export interface ExpirationTimeProps {
  /** Id of the hidden sentence, for the row's `aria-describedby`. */
  readonly descriptionId: string;
  /** ISO 8601 instant. */
  readonly expiration: string;
}

/** How long until the next local midnight. */
const untilMidnight = (nowMs: number): number => new Date(nowMs).setHours(24, 0, 0, 0) - nowMs;

/**
 * When the token expires, in local time ("today 14:32"); UTC on hover (title), while the row has
 * focus (shown beside it), and in the row's accessible description.
 */
export const ExpirationTime = memo(function ExpirationTime({ descriptionId, expiration }: ExpirationTimeProps): ReactElement {
  // "today" / "tomorrow" change at midnight: re-format when the local date changes.
  const today = useTick((nowMs) => new Date(nowMs).toDateString(), untilMidnight);
  const formatted = useMemo(() => formatExpiration(expiration, { nowMs: Date.parse(today) || Date.now() }), [expiration, today]);
  return (
    <>
      <time className="expiration" dateTime={expiration} title={`Expires ${formatted.utc}`}>
        {formatted.local}
        <span className="expiration-utc"> ({formatted.utc})</span>
      </time>
      <span id={descriptionId} hidden>
        {formatted.sentence}
      </span>
    </>
  );
});
