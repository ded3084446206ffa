import { Fragment, type ReactElement } from 'react';
import type { TokenDetails } from '../../src-main/contract.ts';
import { Callout } from './Callout.tsx';
import { ConfirmDialog } from './ConfirmDialog.tsx';

/**
 * A token's details in main's words (main decoded it; the token never comes here): connection,
 * userid, obtained, last copied and expiry in local time and UTC, then a JWT's header and claims as
 * text, with main's warnings first and its note. A modal dialog: Escape or Close ends it.
 */
export function TokenDetailsDialog({ details, onClose }: { readonly details: TokenDetails; readonly onClose: () => void }): ReactElement {
  const { jwt } = details;
  return (
    <ConfirmDialog title={`Token details: ${details.label}`} cancelText="Close" onCancel={onClose}>
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
      {/* Decoded JSON as text (never HTML), in a box that scrolls and so takes focus, for keyboards. */}
      {jwt === null
        ? null
        : (
            [
              ['JWT header', jwt.header],
              ['JWT claims', jwt.claims],
            ] as const
          ).map(([name, value]) => (
            <Fragment key={name}>
              <h3 className="subsection-title">{name}</h3>
              <pre className="details-json" tabIndex={0} aria-label={name}>
                {JSON.stringify(value, null, 2)}
              </pre>
            </Fragment>
          ))}
    </ConfirmDialog>
  );
}
