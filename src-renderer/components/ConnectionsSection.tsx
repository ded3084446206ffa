import { useEffect, useRef, useState, type ChangeEvent, type ReactElement } from 'react';
import type { ConnectionFormWords, ConnectionSummary, ConnectionView } from '../../src-main/contract.ts';
import { useApi } from '../hooks/use-api.ts';
import { useConnectionActions } from '../hooks/use-connection-actions.ts';
import { ConnectionForm } from './ConnectionForm.tsx';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { Icon } from './Icon.tsx';

/** Props of {@link ConnectionsSection}. */
export interface ConnectionsSectionProps {
  /** `AppState.connections`: the list (kept current by main's state). */
  readonly summaries: readonly ConnectionSummary[];
  /** `SettingsView.connections` as loaded with the settings; read again after each change. */
  readonly initial: readonly ConnectionView[];
  /** The connection form's words (SettingsView.connectionForm). */
  readonly words: ConnectionFormWords;
}

/** What the section shows besides the list: the form open on a connection (null id: a new one). */
type Editing = { readonly id: string | null; readonly note: string | null };

const editButtonId = (id: string): string => `connection-edit-${id}`;
/** The sentence saying why the last connection cannot be removed (Settings shows one connections list). */
const LAST_REASON_ID = 'connection-last-reason';
const ADD_ID = 'connection-add';
const focusOn = (id: string): void => document.getElementById(id)?.focus();

/**
 * Settings' Connections: every connection (name, origin, its tokens, a badge when its secret is not
 * usable) with Edit, Duplicate, Export and Remove, and Add connection / Import… below. Edit and
 * Add open the connection form in place of the list.
 */
export function ConnectionsSection({ summaries, initial, words }: ConnectionsSectionProps): ReactElement {
  const api = useApi();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [pendingRemoval, setPendingRemoval] = useState<ConnectionView | null>(null);
  const actions = useConnectionActions(api, summaries, initial, words.texts.tooLarge, (id, note) => setEditing({ id, note }));
  const { views, message, setMessage } = actions;
  const fileRef = useRef<HTMLInputElement>(null);
  /** The element focus goes to when the form closes (a connection's Edit, or Add connection), else null. */
  const returnFocus = useRef<string | null>(null);

  const importChosen = (event: ChangeEvent<HTMLInputElement>): void => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    input.value = '';
    if (file !== undefined) void actions.importFile(file);
  };

  const confirmRemoval = async (connection: ConnectionView): Promise<void> => {
    setPendingRemoval(null);
    focusOn((await actions.remove(connection)) ? ADD_ID : editButtonId(connection.id));
  };

  const closeForm = (saved: ConnectionView | null): void => {
    const id = saved?.id ?? editing?.id;
    returnFocus.current = id === undefined || id === null ? ADD_ID : editButtonId(id);
    setEditing(null);
    if (saved !== null) void actions.saved(saved);
  };

  // Back to the list from the form: focus the connection's Edit (or Add connection) once it is drawn again.
  useEffect(() => {
    if (editing !== null || returnFocus.current === null) return;
    focusOn(returnFocus.current);
    returnFocus.current = null;
  }, [editing]);

  const removeBlocked = views.length < 2 ? words.texts.lastStays : null;
  const editingView = views.find((view) => view.id === editing?.id) ?? null;

  return (
    // A fieldset like the other groups of Settings (same look, and a named group for screen readers).
    <fieldset className="group connections">
      <legend>Connections</legend>
      {editing !== null && (editing.id === null || editingView !== null) ? (
        <ConnectionForm key={editing.id ?? 'new'} connection={editingView} words={words} note={editing.note} onDone={closeForm} />
      ) : (
        <>
          <p className="field-hint">{words.texts.list}</p>
          <ul className="connection-list">
            {views.map((view) => {
              const { id, name, badge } = view;
              // Each action says how it went below the list; Edit opens the form, Remove asks first.
              const actionsOf = [
                ['Edit', () => setEditing({ id, note: null })],
                ['Duplicate', () => void actions.duplicate(view)],
                ['Export', () => void actions.exportOne(view)],
                ['Remove', () => setPendingRemoval(view)],
              ] as const;
              return (
                <li key={id} className="connection-item">
                  <div className="connection-text">
                    <span className="connection-name">{name}</span>
                    <span className="connection-meta">
                      {view.origin} <span aria-hidden="true">·</span> {view.tokens}
                    </span>
                    {badge === null ? null : (
                      <span className="connection-problem">
                        <Icon name="warning" />
                        {badge}
                      </span>
                    )}
                  </div>
                  <div className="connection-actions">
                    {actionsOf.map(([word, act]) => {
                      const blocked = word === 'Remove' && removeBlocked !== null;
                      return (
                        <button
                          key={word}
                          id={word === 'Edit' ? editButtonId(id) : undefined}
                          type="button"
                          className="button button-small"
                          aria-label={`${word} ${name}`}
                          disabled={blocked}
                          aria-describedby={blocked ? LAST_REASON_ID : undefined}
                          onClick={() => {
                            setMessage(null);
                            act();
                          }}
                        >
                          {word}
                        </button>
                      );
                    })}
                  </div>
                </li>
              );
            })}
          </ul>
          {removeBlocked === null ? null : (
            <p id={LAST_REASON_ID} className="field-hint">
              {removeBlocked}
            </p>
          )}
          <div className="actions">
            <button
              id={ADD_ID}
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
            <input ref={fileRef} type="file" accept=".json,application/json" hidden onChange={importChosen} />
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
        <ConfirmDialog
          title={pendingRemoval.removeQuestion.title}
          confirmText="Remove"
          onConfirm={() => void confirmRemoval(pendingRemoval)}
          onCancel={() => {
            setPendingRemoval(null);
            focusOn(editButtonId(pendingRemoval.id));
          }}
        >
          {pendingRemoval.removeQuestion.detail === null ? null : <p>{pendingRemoval.removeQuestion.detail}</p>}
          <p>{words.texts.remove}</p>
        </ConfirmDialog>
      )}
    </fieldset>
  );
}
