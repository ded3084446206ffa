import type { ReactElement } from 'react';
import type { ConnectionSummary } from '../../src-main/contract.ts';
import { removeConnectionQuestion } from '../lib/connection-text.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';

/** Props of {@link RemoveConnectionDialog}. */
export interface RemoveConnectionDialogProps {
  readonly summary: ConnectionSummary;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

/** The question before removing a connection, with its token count (ConfirmDialog). */
export function RemoveConnectionDialog({ summary, onConfirm, onCancel }: RemoveConnectionDialogProps): ReactElement {
  const { title, detail } = removeConnectionQuestion(summary);
  return (
    <ConfirmDialog title={title} confirmText="Remove" onConfirm={onConfirm} onCancel={onCancel}>
      {detail === null ? null : <p>{detail}</p>}
      <p>Its details are deleted from this computer; export it first if you may want it back.</p>
    </ConfirmDialog>
  );
}
