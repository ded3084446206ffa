import { Fragment, useId, useLayoutEffect, useRef, type ReactElement } from 'react';
import type { TokenDetails } from '../../src-main/contract.ts';
import { formatUtc } from '../lib/format-expiration.ts';
import { Callout } from './Callout.tsx';

/** An instant in local time and in UTC ("1/12/2030, 13:00:00 · 2030-01-12 12:00:00 UTC"), or "never". */
function when(iso: string | null): string {
  const ms = iso === null ? NaN : Date.parse(iso);
  return Number.isNaN(ms) ? 'never' : `${new Date(ms).toLocaleString()} · ${formatUtc(ms)}`;
}

/**
 * A token's details (from main, which decoded it; the token never comes here): connection, userid,
 * obtained, last copied and expiry in local time and UTC, then a JWT's header and claims as text,
 * with main's warnings first. A modal dialog: Escape or Close ends it.
 */
export function TokenDetailsDialog({ details, onClose }: { readonly details: TokenDetails; readonly onClose: () => void }): ReactElement {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useLayoutEffect(() => {
    const dialog = ref.current;
    dialog?.showModal();
    return () => dialog?.close();
  }, []);
  const { jwt } = details;
  const facts: [string, string][] = [
    ['Connection', details.connectionName],
    ['User id', details.userid ?? 'none (the generic token)'],
    ['Obtained', when(details.obtainedAt)],
    ['Last copied', when(details.lastUsedAt)],
    ['Expires', when(details.expiration)],
  ];
  if (jwt !== null) facts.push(['JWT issued (iat)', when(jwt.issuedAt)], ['JWT expires (exp)', when(jwt.expiresAt)]);
  return (
    <dialog
      ref={ref}
      className="dialog details-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId} className="dialog-title">
        Token details: {details.label}
      </h2>
      {details.warnings.map((warning) => (
        <Callout key={warning}>{warning}</Callout>
      ))}
      <dl className="details-facts">
        {facts.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {details.note === null ? null : <p className="field-hint">{details.note}</p>}
      {jwt === null ? null : (
        <>
          {(
            [
              ['JWT header', jwt.header],
              ['JWT claims', jwt.claims],
            ] as const
          ).map(([name, value]) => (
            // Decoded JSON as text (never HTML), in a box that scrolls and so takes focus, for keyboards.
            <Fragment key={name}>
              <h3 className="details-heading">{name}</h3>
              <pre className="details-json" tabIndex={0} aria-label={name}>
                {JSON.stringify(value, null, 2)}
              </pre>
            </Fragment>
          ))}
          {jwt.truncated ? <p className="field-hint">Some claims were too large and are cut short.</p> : null}
          <p className="field-hint">Decoded, not verified: the app holds no key to check the signature.</p>
        </>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" autoFocus onClick={onClose}>
          Close
        </button>
      </div>
    </dialog>
  );
}
