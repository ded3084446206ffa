import type { ReactElement } from 'react';
import type { AppState, AppWarning } from '../../src-main/contract.ts';
import { Callout } from './Callout.tsx';

/** Props of {@link StorageInfo}. */
export interface StorageInfoProps {
  readonly storage: AppState['storage'];
  /** The warnings about storage (weak encryption, memory only). */
  readonly warnings: readonly AppWarning[];
}

/** Where tokens are kept and how well they are protected, with main's warning when it is weak. */
export function StorageInfo({ storage, warnings }: StorageInfoProps): ReactElement {
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
      {warnings.map((warning) => (
        <Callout key={warning.kind}>{warning.message}</Callout>
      ))}
    </div>
  );
}
