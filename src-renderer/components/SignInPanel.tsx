import { useEffect, useId, useLayoutEffect, useRef, useState, type ReactElement } from 'react';
import type { ConnectionSummary, ErrorView, SignInView } from '../../src-main/contract.ts';
import type { SignInControl } from '../hooks/use-sign-in.ts';
import { useApi } from '../hooks/use-api.ts';
import { announce } from '../lib/announcer.ts';
import { connectionNameToShow } from '../lib/connection-text.ts';
import { errorText } from '../lib/error-text.ts';
import { SignInFailure } from './SignInFailure.tsx';
import { SignInForm } from './SignInForm.tsx';
import { SignInProgress } from './SignInProgress.tsx';

/** Props of {@link SignInPanel}. */
export interface SignInPanelProps {
  readonly signIn: SignInView | null;
  /** `state.lastError`: the last failure, also of sign-ins started from the tray. */
  readonly lastError: ErrorView | null;
  readonly control: SignInControl;
  readonly onOpenSettings: () => void;
  /** `AppState.connections`: with two or more, sign-in asks which, and progress and failure name it. */
  readonly connections: readonly ConnectionSummary[];
  readonly defaultConnectionId: string | null;
}

/**
 * Sign-in: the form when nothing is under way, the progress while a sign-in (or renewal, from here
 * or the tray) runs, and the reason when the last one failed.
 */
export function SignInPanel({ signIn, lastError, control, onOpenSettings, connections, defaultConnectionId }: SignInPanelProps): ReactElement {
  const api = useApi();
  const headingId = useId();
  const [cancelError, setCancelError] = useState<string | null>(null);
  const sectionRef = useRef<HTMLElement>(null);
  const failure = control.failure ?? lastError;
  const inProgress = signIn !== null;
  const failureKey = failure === null ? null : `${failure.at}|${failure.message}`;

  // A new sign-in (from here or the tray) supersedes the failure shown before it started: do not
  // bring that one back afterwards. Only the moment a sign-in starts counts; a failure that arrives
  // while it is still winding down is the new one.
  const { clearFailure, dismiss } = control;
  const shownKey = useRef(failureKey);
  shownKey.current = failureKey;
  useEffect(() => {
    if (inProgress && shownKey.current !== null) dismiss(shownKey.current);
  }, [inProgress, dismiss]);

  // Starting or ending a sign-in swaps the controls under the focus; catch the focus when it falls.
  const firstRender = useRef(true);
  useLayoutEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const focused = document.activeElement;
    if (focused !== null && focused !== document.body) return;
    const target = inProgress ? sectionRef.current?.querySelector<HTMLElement>('h2') : sectionRef.current?.querySelector<HTMLElement>('.failure button, input');
    target?.focus({ preventScroll: true });
  }, [inProgress]);
  const showFailure = signIn === null && failure !== null && control.dismissedKey !== failureKey;
  // The window knows the connection of its own attempts only: `lastError` (e.g. from the tray) does not say.
  const failureConnection = control.failure !== null && connections.length > 1 ? (control.lastAttempt?.connectionName ?? null) : null;

  const cancel = async (): Promise<void> => {
    setCancelError(null);
    try {
      await api.cancelSignIn();
    } catch (error) {
      setCancelError(errorText(error));
      announce(errorText(error));
    }
  };

  return (
    <section ref={sectionRef} className="panel sign-in" aria-labelledby={headingId}>
      {signIn === null ? (
        <>
          <h2 id={headingId} className="section-title">
            Sign in
          </h2>
          {showFailure ? (
            <SignInFailure
              error={failure}
              connectionName={failureConnection}
              onRetry={control.lastAttempt === null ? undefined : control.retry}
              onOpenSettings={onOpenSettings}
              onDismiss={() => {
                dismiss(failureKey);
                clearFailure();
              }}
            />
          ) : null}
          <SignInForm onStart={control.start} connections={connections} defaultConnectionId={defaultConnectionId} />
        </>
      ) : (
        <SignInProgress signIn={signIn} connectionName={connectionNameToShow(connections, signIn.connectionId)} headingId={headingId} onCancel={() => void cancel()} />
      )}
      {cancelError === null ? null : <p className="inline-error">{cancelError}</p>}
    </section>
  );
}
