import { useId, useState, type FormEvent, type ReactElement } from 'react';

/** One connection with tokens to renew. */
export interface RenewChoice {
  readonly connectionId: string;
  readonly name: string;
  readonly count: number;
}

/** Props of {@link RenewAllSheet}. */
export interface RenewAllSheetProps {
  /** At least one. */
  readonly choices: readonly RenewChoice[];
  readonly onRenew: (connectionId: string) => void;
}

/** More than this many sign-ins in a row are asked about first. */
export const RENEW_ALL_ASK_ABOVE = 10;

/** The Renew all sheet: which connection (with several), and a confirm before more than ten sign-ins. */
export function RenewAllSheet({ choices, onRenew }: RenewAllSheetProps): ReactElement {
  const [picked, setPicked] = useState(choices[0]?.connectionId ?? '');
  const selectId = useId();
  const choice = choices.find((candidate) => candidate.connectionId === picked) ?? choices[0];
  const count = choice?.count ?? 0;
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
        {count > RENEW_ALL_ASK_ABOVE ? `That is ${count} sign-ins in your browser, one after another. Renew them all?` : `Renews ${count} expiring or expired tokens, one sign-in after another.`}
      </p>
      <button type="submit" className="button button-primary">
        Renew {count}
      </button>
    </form>
  );
}
