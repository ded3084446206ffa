import { useState, type ReactElement } from 'react';
import type { AppState } from '../../src-main/contract.ts';
import type { SignInControl, SignInRequest } from '../hooks/use-sign-in.ts';
import { useApi } from '../hooks/use-api.ts';
import { announce } from '../lib/announcer.ts';
import { errorText } from '../lib/error-text.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { RenewAllSheet } from './RenewAllSheet.tsx';
import { SignInFailure } from './SignInFailure.tsx';
import { SignInForm } from './SignInForm.tsx';
import { SignInProgress } from './SignInProgress.tsx';

/** Props of {@link SignInPanel}. */
export interface SignInPanelProps {
  /**
   * Main's state: the sign-in and the Renew all run under way, the last failure (also of sign-ins
   * started from the tray), the connections (with two or more, sign-in asks which) and the default
   * one, and the connections with tokens to renew (they offer Renew all).
   */
  readonly state: Pick<AppState, 'signIn' | 'lastError' | 'connections' | 'defaultConnectionId' | 'renewable' | 'renewAll'>;
  readonly control: SignInControl;
  /** Opens Settings; with the connection whose settings fix a failure. */
  readonly onOpenSettings: (connectionId?: string) => void;
}

/**
 * Above the list: "+ Sign in" (and "Renew N…" when tokens need it), each opening a compact sheet;
 * the sign-in or Renew all under way in a line; and the last failure as a dismissible banner.
 */
export function SignInPanel({ state, control, onOpenSettings }: SignInPanelProps): ReactElement {
  const { signIn, lastError, connections, defaultConnectionId, renewable: choices, renewAll } = state;
  const api = useApi();
  const [sheet, setSheet] = useState<'sign-in' | 'renew' | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const dueCount = choices.reduce((sum, choice) => sum + choice.count, 0);
  const busy = signIn !== null || renewAll !== null;
  const failure = control.failure ?? lastError;

  // The sheet is a modal dialog: closing it gives the focus back to the button that opened it.
  const close = (): void => setSheet(null);
  const open = (which: 'sign-in' | 'renew'): void => {
    setOutcome(null);
    setSheet(which);
  };
  const tell = (text: string): void => {
    setOutcome(text);
    announce(text);
  };
  const renewAllOn = (connectionId: string): void => {
    close();
    api.renewAll(connectionId).then(
      (ended) => tell(ended.message),
      (error: unknown) => tell(errorText(error)),
    );
  };
  const start = (request: SignInRequest): void => {
    close();
    control.start(request);
  };
  const cancel = (call: () => Promise<void>): void => {
    call().catch((error: unknown) => tell(errorText(error)));
  };
  const dismiss = (): void => {
    control.clearFailure();
    // Main forgets it: a reloaded window does not bring it back.
    if (lastError !== null) cancel(() => api.dismissError());
  };

  return (
    <section className="sign-in-bar" aria-label="Sign in and renew">
      <div className="toolbar">
        <button type="button" className="button button-small" aria-haspopup="dialog" onClick={() => open('sign-in')}>
          + Sign in
        </button>
        {dueCount === 0 || busy ? null : (
          <button
            type="button"
            className="button button-small"
            aria-haspopup="dialog"
            onClick={() => {
              const only = choices.length === 1 ? choices[0] : undefined;
              if (only !== undefined && !only.askFirst) renewAllOn(only.connectionId);
              else open('renew');
            }}
          >
            Renew {dueCount}…
          </button>
        )}
        {outcome === null ? null : <p className="toolbar-note">{outcome}</p>}
      </div>
      {sheet === null ? null : (
        <ConfirmDialog title={sheet === 'sign-in' ? 'Sign in' : 'Renew all'} sheet onCancel={close}>
          {sheet === 'sign-in' ? <SignInForm onStart={start} connections={connections} defaultConnectionId={defaultConnectionId} /> : <RenewAllSheet choices={choices} onRenew={renewAllOn} />}
        </ConfirmDialog>
      )}
      {renewAll === null ? null : (
        <div className="progress">
          <p className="progress-line">{renewAll.message}</p>
          <button type="button" className="button button-small" onClick={() => cancel(() => api.cancelRenewAll())}>
            Cancel renew all
          </button>
        </div>
      )}
      {signIn === null ? null : <SignInProgress signIn={signIn} onCancel={() => cancel(() => api.cancelSignIn())} />}
      {signIn === null && failure !== null ? <SignInFailure error={failure} onOpenSettings={onOpenSettings} onDismiss={dismiss} /> : null}
    </section>
  );
}
