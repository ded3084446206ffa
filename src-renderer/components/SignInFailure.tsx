import type { ReactElement } from 'react';
import type { ErrorView } from '../../src-main/contract.ts';
import { failureNeedsSettings, failureTitle } from '../lib/sign-in-text.ts';
import { Icon } from './Icon.tsx';

/** Props of {@link SignInFailure}. */
export interface SignInFailureProps {
  readonly error: ErrorView;
  /** The connection the sign-in was on, when there are two or more and the window knows it. */
  readonly connectionName: string | null;
  /** Present when the window knows what to try again. */
  readonly onRetry: (() => void) | undefined;
  readonly onOpenSettings: () => void;
  readonly onDismiss: () => void;
}

/** How a sign-in failed: a short headline, the server's exact reason (which says what to do), and next steps. */
export function SignInFailure({ error, connectionName, onRetry, onOpenSettings, onDismiss }: SignInFailureProps): ReactElement {
  return (
    <div className="failure">
      <p className="failure-title">
        <Icon name="warning" />
        {failureTitle(error.code)}
        {connectionName === null ? null : <span> ({connectionName})</span>}
      </p>
      <p className="failure-message">{error.message}</p>
      <div className="actions">
        {onRetry === undefined ? null : (
          <button type="button" className="button button-primary" onClick={onRetry}>
            Try again
          </button>
        )}
        {failureNeedsSettings(error.code) ? (
          <button type="button" className="button" onClick={onOpenSettings}>
            Open settings
          </button>
        ) : null}
        <button type="button" className="button button-quiet" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
    </div>
  );
}
