import { useId, type ReactElement } from 'react';
import type { SignInView } from '../../src-main/contract.ts';
import { useApi } from '../hooks/use-api.ts';
import { announce } from '../lib/announcer.ts';
import { errorText } from '../lib/error-text.ts';
import { Countdown } from './Countdown.tsx';
import { PasteRedirectForm } from './PasteRedirectForm.tsx';

/** Props of {@link SignInProgress}. */
export interface SignInProgressProps {
  readonly signIn: SignInView;
  readonly onCancel: () => void;
}

/**
 * A sign-in under way, in one line: who, the stage, and while waiting for the browser the time
 * left until it gives up (its own countdown, not a render of the window) and "Open the sign-in
 * page again" (main reopens it; the window never has the address); then the paste field when the
 * app cannot hear the redirect (main labels it), and Cancel.
 */
export function SignInProgress({ signIn, onCancel }: SignInProgressProps): ReactElement {
  const api = useApi();
  const countdownId = useId();
  const waiting = signIn.stage === 'waiting_for_browser';
  const reopen = (): void => {
    api.openSignInPage().catch((error: unknown) => announce(errorText(error)));
  };
  return (
    <div className="progress">
      <p className="progress-line">
        {signIn.message}
        {/* list.css puts " · " before the countdown. */}
        {waiting && signIn.deadline !== null ? <Countdown id={countdownId} deadline={Date.parse(signIn.deadline)} status="valid" live /> : null}
      </p>
      <div className="actions">
        {waiting ? (
          <button type="button" className="button button-small" onClick={reopen}>
            Open the sign-in page again
          </button>
        ) : null}
        <button type="button" className="button button-small" onClick={onCancel}>
          Cancel sign-in
        </button>
      </div>
      {signIn.paste ? <PasteRedirectForm label={signIn.paste} /> : null}
    </div>
  );
}
