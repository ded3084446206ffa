import { useId, useState, type FormEvent, type ReactElement } from 'react';
import type { ConnectionSummary } from '../../src-main/contract.ts';
import type { SignInRequest } from '../hooks/use-sign-in.ts';

/** Props of {@link SignInForm}. */
export interface SignInFormProps {
  readonly onStart: (request: SignInRequest) => void;
  /** `AppState.connections`: with two or more, the form asks which one to sign in on. */
  readonly connections: readonly ConnectionSummary[];
  /** The connection chosen until the person picks another (`AppState.defaultConnectionId`). */
  readonly defaultConnectionId: string | null;
}

/**
 * The sign-in sheet's fields: the connection (only with two or more, and only those that can sign
 * in), the user id (blank for the generic token), Sign in.
 */
export function SignInForm({ onStart, connections, defaultConnectionId }: SignInFormProps): ReactElement {
  const [userid, setUserid] = useState('');
  const [picked, setPicked] = useState<string | null>(null);
  const inputId = useId();
  const selectId = useId();
  const originId = useId();
  const choosing = connections.length > 1;
  // Only a connection that can sign in is offered (the window shows setup until one can).
  const usableConnections = connections.filter((connection) => connection.configured);
  const usable = (id: string | null): ConnectionSummary | undefined => usableConnections.find((connection) => connection.id === id);
  const connection = usable(picked) ?? usable(defaultConnectionId) ?? usableConnections[0];

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const trimmed = userid.trim();
    onStart({ userid: trimmed === '' ? null : trimmed, connectionId: connection?.id ?? null });
  };

  return (
    <form className="sheet-fields" onSubmit={submit}>
      {choosing ? (
        <div className="field">
          <label htmlFor={selectId} className="field-label">
            Connection
          </label>
          <select id={selectId} className="input" value={connection?.id} aria-describedby={originId} onChange={(event) => setPicked(event.currentTarget.value)}>
            {usableConnections.map((option) => (
              <option key={option.id} value={option.id}>
                {option.name}
              </option>
            ))}
          </select>
          {/* The origin under the select, not in its options: a long one would be cut off in a narrow window. */}
          <p id={originId} className="field-hint field-hint-url">
            {connection?.origin}
          </p>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={inputId} className="field-label">
          User id <span className="optional">(optional)</span>
        </label>
        <div className="field-control">
          <input id={inputId} className="input" value={userid} placeholder="blank: the generic token" autoComplete="off" spellCheck={false} onChange={(event) => setUserid(event.currentTarget.value)} />
          <button type="submit" className="button button-primary">
            Sign in
          </button>
        </div>
      </div>
    </form>
  );
}
