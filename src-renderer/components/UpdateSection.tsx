import { useState, type ReactElement } from 'react';
import type { UpdateView } from '../../src-main/contract.ts';
import { useApi } from '../hooks/use-api.ts';
import { errorText } from '../lib/error-text.ts';

/**
 * Below Settings' groups: the version, main's sentence on where updates stand, and "Check now".
 * "Check for updates automatically" is one of main's fields, saved with the form.
 */
export function UpdateSection({ updates }: { readonly updates: UpdateView }): ReactElement {
  const api = useApi();
  const [problem, setProblem] = useState('');
  const checkNow = (): void => {
    setProblem('');
    api.checkForUpdates().catch((error: unknown) => setProblem(errorText(error)));
  };
  return (
    <p className="field-hint" role="status">
      {updates.version === '' ? '' : `Version ${updates.version}. `}
      {problem || updates.status}{' '}
      <button type="button" className="button" disabled={!updates.canCheck} onClick={checkNow}>
        Check now
      </button>
    </p>
  );
}
