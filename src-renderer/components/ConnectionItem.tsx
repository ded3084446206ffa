import type { ReactElement } from 'react';
import type { ConnectionSummary, ConnectionView } from '../../src-main/contract.ts';
import { tokenCount } from '../lib/connection-text.ts';
import { Icon } from './Icon.tsx';

/** Props of {@link ConnectionItem}. */
export interface ConnectionItemProps {
  readonly summary: ConnectionSummary;
  readonly view: ConnectionView | undefined;
  /** Main's badge text when no one can sign in there yet. */
  readonly needsSecret: string;
  /** Why Remove is disabled (the last connection), or null. */
  readonly removeBlocked: string | null;
  /** The id of the text saying why, for the disabled button's description. */
  readonly lastReasonId: string;
  /** The id of the Edit button, so focus can come back to it. */
  readonly editButtonId: string;
  readonly onEdit: () => void;
  readonly onDuplicate: () => void;
  readonly onExport: () => void;
  readonly onRemove: () => void;
}

/** One connection in the list: its name, origin, tokens, a badge when it cannot sign in, and its actions. */
export function ConnectionItem({ summary, view, needsSecret, removeBlocked, lastReasonId, editButtonId, onEdit, onDuplicate, onExport, onRemove }: ConnectionItemProps): ReactElement {
  const problem = view?.clientSecretProblem ?? (summary.configured ? null : needsSecret);
  const { name } = summary;
  return (
    <li className="connection-item">
      <div className="connection-text">
        <span className="connection-name">{name}</span>
        <span className="connection-meta">
          {summary.origin} <span aria-hidden="true">·</span> {tokenCount(summary.accountCount)}
        </span>
        {problem === null ? null : (
          <span className="connection-problem">
            <Icon name="warning" />
            {problem}
          </span>
        )}
      </div>
      <div className="connection-actions">
        <button id={editButtonId} type="button" className="button button-small" aria-label={`Edit ${name}`} onClick={onEdit}>
          Edit
        </button>
        <button type="button" className="button button-small" aria-label={`Duplicate ${name}`} onClick={onDuplicate}>
          Duplicate
        </button>
        <button type="button" className="button button-small" aria-label={`Export ${name}`} onClick={onExport}>
          Export
        </button>
        <button
          type="button"
          className="button button-small"
          aria-label={`Remove ${name}`}
          disabled={removeBlocked !== null}
          aria-describedby={removeBlocked === null ? undefined : lastReasonId}
          onClick={onRemove}
        >
          Remove
        </button>
      </div>
    </li>
  );
}

