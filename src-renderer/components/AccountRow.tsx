import { memo, useEffect, useId, useRef, useState, type KeyboardEvent, type ReactElement } from 'react';
import type { AccountView, CopyFormat, CopyOutcome } from '../../src-main/contract.ts';
import { isUsable } from '../lib/account-time.ts';
import { announce } from '../lib/announcer.ts';
import { onConnection } from '../lib/connection-text.ts';
import { copiedAnnouncement, copiedText } from '../lib/copy-text.ts';
import { errorText } from '../lib/error-text.ts';
import { sameRowContent } from '../lib/row-equality.ts';
import { Countdown } from './Countdown.tsx';
import { ExpirationTime } from './ExpirationTime.tsx';
import { Icon } from './Icon.tsx';
import { RenameField } from './RenameField.tsx';
import { RowMenu, type RowMenuItem } from './RowMenu.tsx';
import { StatusText } from './StatusText.tsx';
import { TerminalReadNote } from './TerminalReadNote.tsx';

/** What a row can ask for. One stable object for all rows, so rows re-render only for their own changes. */
export interface RowActions {
  copy(accountId: string, format: CopyFormat): Promise<CopyOutcome>;
  setActive(accountId: string): Promise<void>;
  renew(accountId: string, label: string): void;
  rename(accountId: string, label: string): Promise<void>;
  requestRemove(account: AccountView, index: number): void;
}

/** Props of {@link AccountRow}. */
export interface AccountRowProps {
  readonly account: AccountView;
  /** Local instant the token runs out; stable across state updates (see lib/row-equality.ts). */
  readonly deadline: number;
  /** The account's place among the accounts (keyboard order, position in the set). */
  readonly index: number;
  /** The row's place in the virtual list (headings count too); equals `index` when not grouped. */
  readonly row: number;
  readonly setSize: number;
  /**
   * The connection's name when accounts are grouped by connection: screen readers hear it as part
   * of the row's name (the group headings are visual only; see AccountList).
   */
  readonly connectionName: string | null;
  /** This row is the list's tab stop (roving focus). */
  readonly tabStop: boolean;
  /** In view or the tab stop: its countdown runs. Rows rendered out of view wait until they come in. */
  readonly live: boolean;
  /** Offset from the top of the list, in px (the list is virtualized). */
  readonly top: number;
  readonly actions: RowActions;
  /** Lets the virtualizer measure the row's height. */
  readonly measure: (element: HTMLElement | null) => void;
}

type Feedback = { readonly kind: 'done' | 'error'; readonly text: string };

const FEEDBACK_MS = 6000;

function AccountRowView({ account, deadline, index, row, setSize, connectionName, tabStop, live, top, actions, measure }: AccountRowProps): ReactElement {
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [editing, setEditing] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);
  const rowRef = useRef<HTMLDivElement | null>(null);
  const moreRef = useRef<HTMLButtonElement>(null);
  const feedbackTimer = useRef<number | undefined>(undefined);
  const ids = useId();
  const labelId = `${ids}-label`;
  const statusId = `${ids}-status`;
  const timeId = `${ids}-time`;
  const activeId = `${ids}-active`;
  const expiresId = `${ids}-expires`;
  const menuId = `${ids}-menu`;
  const connectionId = `${ids}-connection`;
  const { id, label } = account;
  // Announcements are heard outside the group, and the row's buttons must tell two same-named accounts
  // apart: both name the connection (when there are several).
  const spoken = onConnection(label, connectionName);
  const usable = isUsable(account.status);
  const needsRenewal = account.status !== 'valid';
  const innerTab = tabStop ? 0 : -1;

  useEffect(() => () => window.clearTimeout(feedbackTimer.current), []);

  const show = (next: Feedback | null): void => {
    window.clearTimeout(feedbackTimer.current);
    setFeedback(next);
    if (next?.kind === 'done') feedbackTimer.current = window.setTimeout(() => setFeedback(null), FEEDBACK_MS);
  };

  /** Runs a row action; its failure shows under the row and is announced. */
  const attempt = async (action: () => Promise<void>): Promise<void> => {
    show(null);
    try {
      await action();
    } catch (error) {
      show({ kind: 'error', text: errorText(error) });
      announce(errorText(error));
    }
  };

  const copy = (format: CopyFormat): Promise<void> =>
    attempt(async () => {
      const outcome = await actions.copy(id, format);
      const now = Date.now();
      show({ kind: 'done', text: copiedText(outcome.clearsAt, now) });
      announce(copiedAnnouncement(format, spoken, outcome.clearsAt, now));
    });

  const makeActive = (): Promise<void> =>
    attempt(async () => {
      await actions.setActive(id);
      announce(`${spoken} is now the active account.`);
    });

  const focusRow = (): void => rowRef.current?.focus({ preventScroll: true });
  const renew = (): void => actions.renew(id, label);
  const remove = (): void => actions.requestRemove(account, index);
  const startRename = (): void => {
    show(null);
    setEditing(true);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.target !== event.currentTarget || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      void copy('header');
    } else if (event.key === 'F2') {
      event.preventDefault();
      startRename();
    } else if (event.key === 'Delete') {
      event.preventDefault();
      remove();
    } else if (event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey)) {
      event.preventDefault();
      setMenuOpen(true);
    }
  };

  const menuItems: RowMenuItem[] = [
    { key: 'header', text: 'Copy header', name: `Copy header for ${spoken}`, onSelect: () => void copy('header') },
    { key: 'token', text: 'Copy token', name: `Copy token for ${spoken}`, onSelect: () => void copy('token') },
    { key: 'curl', text: 'Copy as curl -H', name: `Copy as curl -H for ${spoken}`, onSelect: () => void copy('curl') },
    ...(account.active ? [] : [{ key: 'active', text: 'Make active', name: `Make active for ${spoken}`, onSelect: () => void makeActive() }]),
    { key: 'renew', text: 'Renew', name: `Renew token for ${spoken}`, onSelect: renew },
    { key: 'rename', text: 'Rename…', name: `Rename ${spoken}`, onSelect: startRename },
    { key: 'remove', text: 'Remove…', name: `Remove ${spoken}`, danger: true, onSelect: remove },
  ];

  const setRowRef = (element: HTMLDivElement | null): void => {
    rowRef.current = element;
    measure(element);
  };

  return (
    <div
      ref={setRowRef}
      role="listitem"
      className={`row row-${account.status}${account.active ? ' row-active' : ''}`}
      data-index={index}
      data-row={row}
      tabIndex={tabStop ? 0 : -1}
      aria-posinset={index + 1}
      aria-setsize={setSize}
      aria-labelledby={[labelId, connectionName === null ? null : connectionId, account.active ? activeId : null, statusId, timeId].filter((part) => part !== null).join(' ')}
      aria-describedby={expiresId}
      aria-keyshortcuts="Enter F2 Delete"
      style={{ transform: `translateY(${top}px)` }}
      onKeyDown={onKeyDown}
    >
      {editing ? (
        <RenameField
          label={label}
          onSave={(next) => actions.rename(id, next)}
          onDone={() => {
            setEditing(false);
            focusRow();
          }}
        />
      ) : (
        <div className="row-title">
          <span id={labelId} className="row-label" title={account.userid === null ? 'The generic token' : `userid ${account.userid}`}>
            {label}
          </span>
          {connectionName === null ? null : (
            <span id={connectionId} className="visually-hidden">
              on {connectionName}
            </span>
          )}
          {account.active ? (
            <span id={activeId} className="pill pill-active">
              <Icon name="active" />
              Active
            </span>
          ) : (
            <button type="button" className="link-button" tabIndex={innerTab} aria-label={`Make active for ${spoken}`} onClick={() => void makeActive()}>
              <Icon name="inactive" />
              Make active
            </button>
          )}
        </div>
      )}
      <div className="row-meta">
        <StatusText id={statusId} status={account.status} deadline={deadline} />
        <span className="sep" aria-hidden="true">
          ·
        </span>
        {account.status === 'sign_in_again' ? (
          <span id={timeId}>token not available</span>
        ) : (
          <Countdown id={timeId} deadline={deadline} status={account.status} live={live} />
        )}
        <span className="sep" aria-hidden="true">
          ·
        </span>
        <ExpirationTime descriptionId={expiresId} expiration={account.expiration} />
        <span className="row-note">
          {feedback?.kind === 'done' ? (
            <>
              <Icon name="check" />
              {feedback.text}
            </>
          ) : null}
        </span>
        {account.lastTerminalRead === null ? null : <TerminalReadNote read={account.lastTerminalRead} />}
      </div>
      {editing ? null : (
        <div className="row-actions">
          {needsRenewal ? (
            <button type="button" className={usable ? 'button' : 'button button-primary'} tabIndex={innerTab} aria-label={`Renew token for ${spoken}`} onClick={renew}>
              Renew
            </button>
          ) : null}
          <button type="button" className={usable ? 'button button-primary' : 'button'} tabIndex={innerTab} aria-label={`Copy header for ${spoken}`} onClick={() => void copy('header')}>
            Copy header
          </button>
          <button
            ref={moreRef}
            type="button"
            className="button button-icon"
            tabIndex={innerTab}
            aria-label={`More actions for ${spoken}`}
            aria-haspopup="menu"
            aria-expanded={menuOpen}
            aria-controls={menuOpen ? menuId : undefined}
            onClick={() => setMenuOpen((open) => !open)}
            onKeyDown={(event) => {
              if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
                event.preventDefault();
                event.stopPropagation();
                setMenuOpen(true);
              }
            }}
          >
            <Icon name="more" />
          </button>
        </div>
      )}
      {feedback?.kind === 'error' ? (
        <p className="row-error">
          {feedback.text}
          <button type="button" className="link-button" tabIndex={innerTab} aria-label={`Dismiss message for ${spoken}`} onClick={() => show(null)}>
            Dismiss
          </button>
        </p>
      ) : null}
      {menuOpen ? (
        <RowMenu
          id={menuId}
          name={`Actions for ${spoken}`}
          items={menuItems}
          accountId={id}
          onCopy={(format) => void copy(format)}
          anchorRef={moreRef}
          onClose={(returnFocus) => {
            setMenuOpen(false);
            if (returnFocus) moreRef.current?.focus({ preventScroll: true });
          }}
        />
      ) : null}
    </div>
  );
}

/** Equal props, the account compared by what a row shows (see lib/row-equality.ts). */
function sameProps(a: AccountRowProps, b: AccountRowProps): boolean {
  return sameRowContent(a.account, b.account) && (Object.keys(a) as (keyof AccountRowProps)[]).every((key) => key === 'account' || a[key] === b[key]);
}

/**
 * One account: label, active marker, status (shape + word), live countdown, expiration; Copy
 * header as the primary action, Renew when the token needs it, the rest in a menu. Enter on the
 * focused row copies the header; F2 renames; Delete asks to remove. Memoized: a state update
 * re-renders only rows whose own account changed.
 */
export const AccountRow = memo(AccountRowView, sameProps);
