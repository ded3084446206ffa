import type { ReactElement } from 'react';
import type { SignInView } from '../../src-main/contract.ts';
import { SIGN_IN_STAGES, STAGE_TEXT, signInHeading } from '../lib/sign-in-text.ts';
import { Icon } from './Icon.tsx';
import { PasteRedirectForm } from './PasteRedirectForm.tsx';

/** Props of {@link SignInProgress}. */
export interface SignInProgressProps {
  readonly signIn: SignInView;
  /** Named in the heading with two or more connections; null otherwise. */
  readonly connectionName: string | null;
  readonly headingId: string;
  readonly onCancel: () => void;
}

/**
 * A sign-in under way: its three stages with the current one marked, the sign-in page as a link to
 * open by hand, the paste field when the app cannot hear the redirect, main's notes, and Cancel.
 */
export function SignInProgress({ signIn, connectionName, headingId, onCancel }: SignInProgressProps): ReactElement {
  const current = SIGN_IN_STAGES.indexOf(signIn.stage);
  const waiting = signIn.stage === 'waiting_for_browser';
  return (
    <div className="progress">
      <h2 id={headingId} className="section-title" tabIndex={-1}>
        {signInHeading(signIn.userid, connectionName)}
      </h2>
      <ol className="steps">
        {SIGN_IN_STAGES.map((stage, index) => (
          <li key={stage} className={index < current ? 'step step-done' : index === current ? 'step step-current' : 'step'} aria-current={index === current ? 'step' : undefined}>
            {index < current ? <Icon name="check" /> : <span className="step-dot" aria-hidden="true" />}
            {STAGE_TEXT[stage]}
            {index < current ? <span className="visually-hidden"> (done)</span> : null}
          </li>
        ))}
      </ol>
      {waiting ? <p className="progress-text">Approve the sign-in on AIRisk’s page in your browser, then come back here.</p> : null}
      {waiting && !signIn.listening ? <PasteRedirectForm /> : null}
      {signIn.notes.length === 0 ? null : (
        <ul className="notes">
          {signIn.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      <div className="actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel sign-in
        </button>
      </div>
    </div>
  );
}
