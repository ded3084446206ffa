import type { ReactElement } from 'react';
import type { ErrorView } from '../../src-main/contract.ts';
import { Icon } from './Icon.tsx';

/** Props of {@link SignInFailure}. */
export interface SignInFailureProps {
  readonly error: ErrorView;
  /** Opens Settings at the connection whose settings fix the failure. */
  readonly onOpenSettings: (connectionId: string) => void;
  readonly onDismiss: () => void;
}

/** How the last sign-in failed, as a banner above the list: main's headline, its whole reason, and a way to fix or dismiss it. */
export function SignInFailure({ error, onOpenSettings, onDismiss }: SignInFailureProps): ReactElement {
  const settings = error.settingsConnectionId ?? null;
  return (
    <div className="banner banner-failure" role="group" aria-label="Sign-in failure">
      <Icon name="warning" />
      <p className="failure-title">{error.title ?? 'The sign-in did not finish'}</p>
      <button type="button" className="button button-small button-quiet" aria-label="Dismiss" title="Dismiss" onClick={onDismiss}>
        ✕
      </button>
      <p className="failure-message">{error.message}</p>
      {settings === null ? null : (
        <button type="button" className="button button-small" onClick={() => onOpenSettings(settings)}>
          Connection settings
        </button>
      )}
    </div>
  );
}
