import { useId, useState, type FormEvent, type ReactElement } from 'react';
import type { RenewableConnection } from '../../src-main/contract.ts';

/** Props of {@link RenewAllSheet}. */
export interface RenewAllSheetProps {
  /** At least one. */
  /** `AppState.renewable`. */
  readonly choices: readonly RenewableConnection[];
  readonly onRenew: (connectionId: string) => void;
}

/** The Renew all sheet: which connection (with several), and a confirm before more than ten sign-ins. */
export function RenewAllSheet({ choices, onRenew }: RenewAllSheetProps): ReactElement {
  const [picked, setPicked] = useState(choices[0]?.connectionId ?? '');
  const selectId = useId();
  const choice = choices.find((candidate) => candidate.connectionId === picked) ?? choices[0];
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (choice !== undefined) onRenew(choice.connectionId);
  };
  return (
    <form className="sheet-fields" onSubmit={submit}>
      {choices.length > 1 ? (
        <div className="field">
          <label htmlFor={selectId} className="field-label">
            Connection
          </label>
          <select id={selectId} className="input" value={choice?.connectionId} onChange={(event) => setPicked(event.currentTarget.value)}>
            {choices.map((option) => (
              <option key={option.connectionId} value={option.connectionId}>
                {option.name} ({option.count})
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <p className="sheet-text">
        {choice?.text}
      </p>
      <button type="submit" className="button button-primary">
        Renew {choice?.count}
      </button>
    </form>
  );
}
