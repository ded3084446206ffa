import type { ReactElement } from 'react';
import type { ConnectionSummary } from '../../src-main/contract.ts';
import { removeConnectionQuestion } from '../lib/connection-text.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';

/** Props of {@link RemoveConnectionDialog}. */
export interface RemoveConnectionDialogProps {
  readonly summary: ConnectionSummary;
  /** Main's sentence on what removing does. */
  readonly note: string;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

/** The question before removing a connection, with its token count (ConfirmDialog). */
export function RemoveConnectionDialog({ summary, note, onConfirm, onCancel }: RemoveConnectionDialogProps): ReactElement {
  const { title, detail } = removeConnectionQuestion(summary);
  return (
    <ConfirmDialog title={title} confirmText="Remove" onConfirm={onConfirm} onCancel={onCancel}>
      {detail === null ? null : <p>{detail}</p>}
      <p>{note}</p>
    </ConfirmDialog>
  );
}
