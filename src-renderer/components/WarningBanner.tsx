import type { ReactElement } from 'react';
import type { AppWarningView } from '../../src-main/contract.ts';
import { Icon } from './Icon.tsx';

/** Props of {@link WarningBanner}. */
export interface WarningBannerProps {
  readonly warnings: readonly AppWarningView[];
  /** Present to offer a way to the storage settings, where these warnings are dealt with. */
  readonly onOpenSettings?: () => void;
}

/** What the person should know about the app as a whole (`state.warnings`), above everything else. */
export function WarningBanner({ warnings, onOpenSettings }: WarningBannerProps): ReactElement | null {
  if (warnings.length === 0) return null;
  const offerSettings = onOpenSettings !== undefined && warnings.some((warning) => warning.storage);
  return (
    <section className="banner" aria-label="Warnings">
      <Icon name="warning" />
      <div className="banner-body">
        <ul className="banner-list">
          {warnings.map((warning) => (
            <li key={warning.message}>{warning.message}</li>
          ))}
        </ul>
        {offerSettings ? (
          <button type="button" className="link-button" onClick={onOpenSettings}>
            Review in Settings
          </button>
        ) : null}
      </div>
    </section>
  );
}
