import { Fragment, useId, useLayoutEffect, useRef, type ReactElement } from 'react';
import type { TokenDetails } from '../../src-main/contract.ts';
import { Callout } from './Callout.tsx';

/**
 * A token's details in main's words (main decoded it; the token never comes here): connection,
 * userid, obtained, last copied and expiry in local time and UTC, then a JWT's header and claims as
 * text, with main's warnings first and its note. A modal dialog: Escape or Close ends it.
 */
export function TokenDetailsDialog({ details, onClose }: { readonly details: TokenDetails; readonly onClose: () => void }): ReactElement {
  const ref = useRef<HTMLDialogElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  useLayoutEffect(() => {
    const dialog = ref.current;
    dialog?.showModal();
    // showModal focuses the first focusable part (a JSON box): start on Close instead.
    closeRef.current?.focus();
    return () => dialog?.close();
  }, []);
  // Closed before the menu hands focus back: closing later would move focus to where it was at showModal (a menu item, gone).
  const close = (): void => {
    ref.current?.close();
    onClose();
  };
  const { jwt } = details;
  return (
    <dialog
      ref={ref}
      className="dialog details-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
    >
      <h2 id={titleId} className="dialog-title">
        Token details: {details.label}
      </h2>
      {details.warnings.map((warning) => (
        <Callout key={warning}>{warning}</Callout>
      ))}
      <dl className="details-facts">
        {details.facts.map(({ label, value }) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {details.note === null ? null : <p className="field-hint">{details.note}</p>}
      {jwt === null
        ? null
        : (
            [
              ['JWT header', jwt.header],
              ['JWT claims', jwt.claims],
            ] as const
          ).map(([name, value]) => (
            // Decoded JSON as text (never HTML), in a box that scrolls and so takes focus, for keyboards.
            <Fragment key={name}>
              <h3 className="subsection-title">{name}</h3>
              <pre className="details-json" tabIndex={0} aria-label={name}>
                {JSON.stringify(value, null, 2)}
              </pre>
            </Fragment>
          ))}
      <div className="dialog-actions">
        <button ref={closeRef} type="button" className="button" onClick={close}>
          Close
        </button>
      </div>
    </dialog>
  );
}
