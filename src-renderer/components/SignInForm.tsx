import { useId, useState, type FormEvent, type ReactElement } from 'react';
import type { ConnectionSummary } from '../../src-main/contract.ts';
import type { SignInRequest } from '../hooks/use-sign-in.ts';

/** Props of {@link SignInForm}. */
export interface SignInFormProps {
  readonly onStart: (request: SignInRequest) => void;
  /** `AppState.connections`: with two or more, the form asks which one to sign in on. */
  readonly connections: readonly ConnectionSummary[];
  /** The connection chosen until the person picks another (see lib/connection-text.ts defaultConnectionId). */
  readonly defaultConnectionId: string | null;
}

/**
 * Starts a sign-in: the generic token with an empty field, or a user-specific one for a userid;
 * with two or more connections, on the connection picked (those without a usable client secret
 * are listed but cannot be picked).
 */
export function SignInForm({ onStart, connections, defaultConnectionId }: SignInFormProps): ReactElement {
  const [userid, setUserid] = useState('');
  // null: follow the default (it moves with the active account) until the person picks one.
  const [picked, setPicked] = useState<string | null>(null);
  const inputId = useId();
  const hintId = useId();
  const selectId = useId();
  const originId = useId();
  const trimmed = userid.trim();
  const choosing = connections.length > 1;
  const pickedConnection = connections.find((connection) => connection.id === picked && connection.configured);
  // Only a connection that can sign in is ever chosen; with none, the select says so and Sign in waits.
  const connection = pickedConnection ?? connections.find((candidate) => candidate.id === defaultConnectionId && candidate.configured);
  const blocked = choosing && connection === undefined;
  const where = choosing && connection !== undefined ? `${connection.name}’s` : 'AIRisk’s';

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (blocked) return;
    onStart({ userid: trimmed === '' ? null : trimmed, connectionId: connection?.id ?? null, connectionName: choosing ? (connection?.name ?? null) : null });
    setUserid('');
  };

  return (
    <form className="sign-in-form" onSubmit={submit}>
      {choosing ? (
        <div className="field">
          <label htmlFor={selectId} className="field-label">
            Connection
          </label>
          <div className="field-control">
            <select id={selectId} className="input" value={connection?.id ?? ''} aria-describedby={originId} onChange={(event) => setPicked(event.currentTarget.value)}>
              {connection === undefined ? (
                <option value="" disabled>
                  Choose a connection
                </option>
              ) : null}
              {connections.map((option) => (
                <option key={option.id} value={option.id} disabled={!option.configured}>
                  {option.configured ? option.name : `${option.name} (needs client secret)`}
                </option>
              ))}
            </select>
          </div>
          {/* The origin under the select, not in its options: a long one would be cut off in a narrow window. */}
          <p id={originId} className="field-hint field-hint-url">
            {connection === undefined ? 'No connection can sign in yet: enter its client secret in Settings → Connections.' : connection.origin}
          </p>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={inputId} className="field-label">
          User id <span className="optional">(optional)</span>
        </label>
        <div className="field-control">
          <input
            id={inputId}
            className="input"
            value={userid}
            placeholder="e.g. user_42"
            autoComplete="off"
            spellCheck={false}
            aria-describedby={hintId}
            onChange={(event) => setUserid(event.currentTarget.value)}
          />
          <button type="submit" className="button button-primary" disabled={blocked}>
            Sign in
          </button>
        </div>
        <p id={hintId} className="field-hint">
          {trimmed === '' ? `Leave empty for the generic token. Your browser opens ${where} sign-in page.` : `Gets a token for ${trimmed}. Your browser opens ${where} sign-in page.`}
        </p>
      </div>
    </form>
  );
}
