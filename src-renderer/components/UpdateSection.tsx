import { useState, type ReactElement } from 'react';
import type { UpdateView } from '../../src-main/contract.ts';
import { useApi } from '../hooks/use-api.ts';
import { errorText } from '../lib/error-text.ts';
import { CheckboxField } from './CheckboxField.tsx';

/**
 * Settings → Updates: the version and main's sentence on where updates stand, "Check now", and
 * "Check for updates automatically", which is saved at once (it is not part of the form's Save).
 */
export function UpdateSection({ updates, automatic }: { readonly updates: UpdateView; readonly automatic: boolean }): ReactElement {
  const api = useApi();
  const [on, setOn] = useState(automatic);
  const [problem, setProblem] = useState<string>();
  const run = (task: () => Promise<unknown>): void => {
    setProblem(undefined);
    task().catch((error: unknown) => setProblem(errorText(error)));
  };
  const toggle = (value: boolean): void =>
    run(async () => {
      const result = await api.updateSettings({ checkForUpdatesAutomatically: value });
      if (result.ok) setOn(value);
      else setProblem(result.problems[0]?.message);
    });
  return (
    <fieldset className="group">
      <legend>Updates</legend>
      <p className="field-hint" role="status">
        {updates.version === '' ? '' : `Version ${updates.version}. `}
        {updates.status}
      </p>
      <CheckboxField id="settings-checkForUpdatesAutomatically" label="Check for updates automatically" checked={on} onChange={toggle} error={problem} hint="A minute after start, then daily. Saved at once." />
      <button type="button" className="button" disabled={!updates.canCheck} onClick={() => run(() => api.checkForUpdates())}>
        Check now
      </button>
    </fieldset>
  );
}
