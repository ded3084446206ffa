import { useEffect, useId, useRef, useState, type ChangeEvent, type ReactElement } from 'react';
import type { ConnectionResult, ConnectionSummary, ConnectionView } from '../../src-main/contract.ts';
import { useApi } from '../hooks/use-api.ts';
import { announce } from '../lib/announcer.ts';
import { importProblemLines } from '../lib/connection-form.ts';
import { connectionFileName, removeBlockedReason, removeConnectionQuestion, tokenCount } from '../lib/connection-text.ts';
import { downloadText } from '../lib/download-text.ts';
import { errorText } from '../lib/error-text.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { ConnectionForm } from './ConnectionForm.tsx';
import { Icon } from './Icon.tsx';

/** Props of {@link ConnectionsSection}. */
export interface ConnectionsSectionProps {
  /** `AppState.connections`: the list (kept current by main's state). */
  readonly summaries: readonly ConnectionSummary[];
  /** `SettingsView.connections` as loaded with the settings; read again after each change. */
  readonly initial: readonly ConnectionView[];
}

/** What the section shows besides the list: the form open on a connection (null id: a new one). */
type Editing = { readonly id: string | null; readonly note: string | null };
type Message = { readonly kind: 'done' | 'error'; readonly lines: readonly string[] };

const editButtonId = (id: string): string => `connection-edit-${id}`;
/** Files larger than this are not even read (an exported connection is well under 16 KiB). */
const IMPORT_READ_LIMIT_BYTES = 1024 * 1024;

/**
 * Settings' Connections: every connection (name, origin, its tokens, a badge when its secret is not
 * usable) with Edit, Duplicate, Export and Remove, and Add connection / Import… below. Edit and
 * Add open the connection form in place of the list.
 */
export function ConnectionsSection({ summaries, initial }: ConnectionsSectionProps): ReactElement {
  const api = useApi();
  const [views, setViews] = useState(initial);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [pendingRemoval, setPendingRemoval] = useState<ConnectionSummary | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  /** Where focus goes when the form closes: a connection's Edit (its id), Add connection (null), or nowhere (undefined). */
  const returnFocus = useRef<string | null | undefined>(undefined);
  const lastReasonId = useId();

  const reload = async (): Promise<readonly ConnectionView[]> => {
    const loaded = (await api.getSettings()).connections;
    setViews(loaded);
    return loaded;
  };

  // Main's state changed the connections (another window, the tray, a removal): read the views again.
  const summaryKey = summaries.map((summary) => `${summary.id}:${summary.configured}:${summary.accountCount}`).join('|');
  const firstKey = useRef(summaryKey);
  useEffect(() => {
    if (summaryKey === firstKey.current) return;
    firstKey.current = summaryKey;
    api.getSettings().then(
      (loaded) => setViews(loaded.connections),
      () => undefined,
    );
  }, [api, summaryKey]);

  const fail = (prefix: string, error: unknown): void => {
    setMessage({ kind: 'error', lines: [`${prefix}: ${errorText(error)}`] });
    announce(`${prefix}: ${errorText(error)}`);
  };

  /** After an add, duplicate or import: list the new one and open it so the person enters the secret. */
  const openNew = async (result: ConnectionResult, failedPrefix: string): Promise<void> => {
    if (!result.ok) {
      setMessage({ kind: 'error', lines: [failedPrefix, ...importProblemLines(result.problems)] });
      announce(`${failedPrefix} ${importProblemLines(result.problems).join(' ')}`);
      return;
    }
    await reload();
    const note = `Enter the client secret for ${result.connection.name}.`;
    setEditing({ id: result.connection.id, note });
    announce(`Added ${result.connection.name}. ${note}`);
  };

  const duplicate = async (summary: ConnectionSummary): Promise<void> => {
    setMessage(null);
    try {
      await openNew(await api.duplicateConnection(summary.id), `${summary.name} could not be duplicated.`);
    } catch (error) {
      fail(`${summary.name} could not be duplicated`, error);
    }
  };

  const exportOne = async (summary: ConnectionSummary): Promise<void> => {
    setMessage(null);
    try {
      const fileName = connectionFileName(summary.name);
      downloadText(fileName, await api.exportConnection(summary.id));
      setMessage({ kind: 'done', lines: [`Exported ${summary.name} as ${fileName}, without its client secret.`] });
      announce(`Exported ${summary.name}.`);
    } catch (error) {
      fail(`${summary.name} could not be exported`, error);
    }
  };

  const importFile = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    input.value = '';
    if (file === undefined) return;
    setMessage(null);
    // Not main's rule (it refuses anything over 16 KiB, and every malformed file): only a guard
    // against reading a huge file by mistake and sending it across the bridge.
    if (file.size > IMPORT_READ_LIMIT_BYTES) {
      setMessage({ kind: 'error', lines: [`${file.name} was not imported; nothing changed.`, 'This is far too large to be a connection file; choose the .airisk-connection.json file you were given.'] });
      return;
    }
    try {
      await openNew(await api.importConnection(await file.text()), `${file.name} was not imported; nothing changed.`);
    } catch (error) {
      fail(`${file.name} was not imported`, error);
    }
  };

  const confirmRemoval = async (): Promise<void> => {
    if (pendingRemoval === null) return;
    const summary = pendingRemoval;
    setPendingRemoval(null);
    try {
      await api.removeConnection(summary.id);
      await reload();
      setMessage({ kind: 'done', lines: [`Removed ${summary.name}.`] });
      announce(`Removed ${summary.name}.`);
      addRef.current?.focus();
    } catch (error) {
      fail(`${summary.name} was not removed`, error);
      document.getElementById(editButtonId(summary.id))?.focus();
    }
  };

  const closeForm = async (saved: ConnectionView | null): Promise<void> => {
    const id = saved?.id ?? editing?.id ?? null;
    returnFocus.current = id;
    setEditing(null);
    if (saved !== null) {
      setMessage({ kind: 'done', lines: [`Saved ${saved.name}.`] });
      announce(`Saved ${saved.name}.`);
      try {
        await reload();
      } catch (error) {
        fail('The connections could not be read again', error);
      }
    }
  };

  // Back to the list from the form: focus the connection's Edit (or Add connection) once it is drawn again.
  useEffect(() => {
    if (editing !== null || returnFocus.current === undefined) return;
    const id = returnFocus.current;
    returnFocus.current = undefined;
    (id === null ? addRef.current : document.getElementById(editButtonId(id)))?.focus();
  }, [editing]);

  const removeBlocked = removeBlockedReason(summaries.length);
  const editingView = editing?.id === null || editing === null ? null : (views.find((view) => view.id === editing.id) ?? null);

  return (
    // A fieldset like the other groups of Settings (same look, and a named group for screen readers).
    <fieldset className="group connections">
      <legend>Connections</legend>
      {editing !== null && (editing.id === null || editingView !== null) ? (
        <ConnectionForm key={editing.id ?? 'new'} connection={editingView} note={editing.note} onDone={(saved) => void closeForm(saved)} />
      ) : (
        <>
          <p className="field-hint">Each connection is one AIRisk environment (production, staging, a sandbox) with its own client and its own tokens.</p>
          <ul className="connection-list">
            {summaries.map((summary) => (
              <ConnectionItem
                key={summary.id}
                summary={summary}
                view={views.find((view) => view.id === summary.id)}
                removeBlocked={removeBlocked}
                lastReasonId={lastReasonId}
                onEdit={() => {
                  setMessage(null);
                  setEditing({ id: summary.id, note: null });
                }}
                onDuplicate={() => void duplicate(summary)}
                onExport={() => void exportOne(summary)}
                onRemove={() => {
                  setMessage(null);
                  setPendingRemoval(summary);
                }}
              />
            ))}
          </ul>
          {removeBlocked === null ? null : (
            <p id={lastReasonId} className="field-hint">
              {removeBlocked}
            </p>
          )}
          <div className="actions">
            <button
              ref={addRef}
              type="button"
              className="button"
              onClick={() => {
                setMessage(null);
                setEditing({ id: null, note: null });
              }}
            >
              Add connection
            </button>
            <button type="button" className="button" onClick={() => fileRef.current?.click()}>
              Import…
            </button>
            <input ref={fileRef} type="file" accept=".json,application/json" hidden tabIndex={-1} aria-hidden="true" onChange={(event) => void importFile(event)} />
          </div>
        </>
      )}
      {message === null ? null : (
        <div className={message.kind === 'done' ? 'save-note' : 'inline-error'}>
          {message.lines.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      )}
      {pendingRemoval === null ? null : (
        <RemoveConnectionDialog
          summary={pendingRemoval}
          onConfirm={() => void confirmRemoval()}
          onCancel={() => {
            const { id } = pendingRemoval;
            setPendingRemoval(null);
            document.getElementById(editButtonId(id))?.focus();
          }}
        />
      )}
    </fieldset>
  );
}

/** Props of {@link ConnectionItem}. */
interface ConnectionItemProps {
  readonly summary: ConnectionSummary;
  readonly view: ConnectionView | undefined;
  readonly removeBlocked: string | null;
  readonly lastReasonId: string;
  readonly onEdit: () => void;
  readonly onDuplicate: () => void;
  readonly onExport: () => void;
  readonly onRemove: () => void;
}

/** One connection in the list: its name, origin, tokens, a badge when it cannot sign in, and its actions. */
function ConnectionItem({ summary, view, removeBlocked, lastReasonId, onEdit, onDuplicate, onExport, onRemove }: ConnectionItemProps): ReactElement {
  const problem = view?.clientSecretProblem ?? (summary.configured ? null : 'Needs a client secret before anyone can sign in.');
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
        <button id={editButtonId(summary.id)} type="button" className="button button-small" aria-label={`Edit ${name}`} onClick={onEdit}>
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

/** The question before removing a connection, with its token count (ConfirmDialog). */
function RemoveConnectionDialog({ summary, onConfirm, onCancel }: { readonly summary: ConnectionSummary; readonly onConfirm: () => void; readonly onCancel: () => void }): ReactElement {
  const { title, detail } = removeConnectionQuestion(summary);
  return (
    <ConfirmDialog title={title} confirmText="Remove" onConfirm={onConfirm} onCancel={onCancel}>
      {detail === null ? null : <p>{detail}</p>}
      <p>Its details are deleted from this computer; export it first if you may want it back.</p>
    </ConfirmDialog>
  );
}
