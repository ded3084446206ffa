import type { ReactElement } from 'react';
import type { AppState } from '../../src-main/contract.ts';
import { Callout } from './Callout.tsx';

/** Props of {@link StorageInfo}. */
export interface StorageInfoProps {
  /** Main's state: where tokens are kept, and the warnings about it (those marked `storage`). */
  readonly state: Pick<AppState, 'storage' | 'warnings'>;
}

/** Where tokens are kept and how well they are protected, with main's warning when it is weak. */
export function StorageInfo({ state: { storage, warnings } }: StorageInfoProps): ReactElement {
  return (
    <div className="storage">
      <dl className="facts">
        <dt>Storage</dt>
        <dd>{storage.backend}</dd>
        <dt>Protection</dt>
        <dd>
          <span className={`strength strength-${storage.strength}`}>
            {/* The icon's shape and the word's capital come from CSS (.strength-<strength>). */}
            <span className="icon" aria-hidden="true" />
            {storage.strength}
          </span>
        </dd>
      </dl>
      {storage.detail === '' ? null : <p className="field-hint">{storage.detail}</p>}
      {warnings.filter((warning) => warning.storage).map((warning) => (
        <Callout key={warning.kind}>{warning.message}</Callout>
      ))}
    </div>
  );
}
