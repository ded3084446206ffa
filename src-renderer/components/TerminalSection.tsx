import { useState, type ReactElement, type ReactNode } from 'react';
import type { SettingsGroupView, TerminalSessionView, TerminalView } from '../../src-main/contract.ts';
import { useApi } from '../hooks/use-api.ts';
import { useTick } from '../hooks/use-tick.ts';
import { announce } from '../lib/announcer.ts';
import { errorText } from '../lib/error-text.ts';
import { sessionTimes, shownAsIs } from '../lib/terminal-text.ts';
import { Callout } from './Callout.tsx';

type Note = { readonly ok: boolean; readonly message: string; readonly command?: string };

/**
 * A text to copy by hand, shown whole (wrapped) and selected whole by a click or on focus. The window
 * cannot write the clipboard itself: it is denied every permission, and only main copies (tokens).
 */
function Selectable({ label, value }: { readonly label: string; readonly value: string }): ReactElement {
  return (
    <code className="selectable" tabIndex={0} aria-label={label} onFocus={(event) => window.getSelection()?.selectAllChildren(event.currentTarget)}>
      {value}
    </code>
  );
}

function SessionItem({ session, onRevoke }: { readonly session: TerminalSessionView; readonly onRevoke: () => void }): ReactElement {
  const times = useTick((nowMs) => sessionTimes(session, nowMs));
  const who = shownAsIs(session.who);
  return (
    <li className="session">
      <div>
        <strong>{who}</strong> · {session.accountName}
        <div className="field-hint">{times}</div>
      </div>
      <button type="button" className="button" aria-label={`Revoke ${who} for ${session.accountName}`} onClick={onRevoke}>
        Revoke
      </button>
    </li>
  );
}

/**
 * Settings → Terminal access: `fields` (the switch and the session length, part of the settings
 * form), then what is live: the socket path, why it does not listen, the approved sessions with
 * Revoke, and "Install command-line tool".
 */
export function TerminalSection({ terminal, group, fields }: { readonly terminal: TerminalView; readonly group: SettingsGroupView; readonly fields: ReactNode }): ReactElement {
  const api = useApi();
  const [note, setNote] = useState<Note | null>(null);
  const [installing, setInstalling] = useState(false);

  const run = (action: Promise<Note>): void => {
    setNote(null);
    action.then(
      (next) => {
        setNote(next);
        announce(next.message);
      },
      (error: unknown) => setNote({ ok: false, message: errorText(error) }),
    );
  };
  const revoke = (session: TerminalSessionView | null): void =>
    run(api.revokeTerminalSession(session?.id ?? null).then(() => ({ ok: true, message: session === null ? (group.notes.revokedAll ?? '') : `Revoked ${shownAsIs(session.who)} for ${session.accountName}.` })));
  const install = (): void => {
    setInstalling(true);
    // Main's sentence says where it went and what to run next, or the one command that installs it.
    run(api.installCommandLineTool().finally(() => setInstalling(false)));
  };
  const { cli, sessions } = terminal;

  return (
    <fieldset className="group">
      <legend>{group.legend}</legend>
      {fields}
      {terminal.enabled && terminal.problem !== null ? <Callout>{terminal.problem}</Callout> : null}
      {terminal.endpoint === null ? null : (
        <div className="field">
          <span className="field-label">Socket</span>
          <Selectable label="Socket path" value={terminal.endpoint} />
          <p className="field-hint">{group.notes.socket}</p>
        </div>
      )}
      {sessions.length === 0 ? (
        terminal.enabled ? <p className="field-hint">{group.notes.noSessions}</p> : null
      ) : (
        <div className="field">
          <span className="field-label">Approved sessions</span>
          <ul className="sessions" aria-label="Approved terminal sessions">
            {sessions.map((session) => (
              <SessionItem key={session.id} session={session} onRevoke={() => revoke(session)} />
            ))}
          </ul>
          {sessions.length < 2 ? null : (
            <div className="actions">
              <button type="button" className="button" onClick={() => revoke(null)}>
                Revoke all
              </button>
            </div>
          )}
        </div>
      )}
      <div className="field">
        <span className="field-label">Command-line tool</span>
        {cli.note === null ? null : <Callout>{cli.note}</Callout>}
        {cli.installedAt === null ? null : <p className="field-hint">Installed at {cli.installedAt}.</p>}
        <div className="actions">
          <button type="button" className="button" disabled={installing} onClick={install}>
            Install command-line tool
          </button>
        </div>
        {note === null ? null : <p className={note.ok ? 'save-note' : 'inline-error'}>{note.message}</p>}
        {note?.command === undefined ? null : <Selectable label="Command to run" value={note.command} />}
      </div>
    </fieldset>
  );
}
