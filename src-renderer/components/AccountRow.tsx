import { memo, useId, useRef, useState, type KeyboardEvent, type ReactElement, type SyntheticEvent } from 'react';
import type { AccountView, CopyFormat } from '../../src-main/contract.ts';
import { isUsable } from '../lib/account-time.ts';
import { onConnection } from '../lib/connection-text.ts';
import { rowTooltip } from '../lib/row-text.ts';
import { sameRowContent } from '../lib/row-equality.ts';
import { Countdown } from './Countdown.tsx';
import { Icon } from './Icon.tsx';
import { RowMenu, type RowMenuItem } from './RowMenu.tsx';
import { StatusText } from './StatusText.tsx';

/** What a row can ask for. One stable object for all rows, so rows re-render only for their own changes. `spoken` names the account (with its connection when there are several). */
export interface RowActions {
  /** `format` null: the default format of Settings (the one-click Copy). */
  copy(account: AccountView, format: CopyFormat | null, spoken: string): void;
  /** Renews the token, then copies it in the default format as soon as the new one arrives. */
  renewAndCopy(account: AccountView, spoken: string): void;
  renew(account: AccountView): void;
  setActive(account: AccountView, spoken: string): void;
  /** Runs an action on the account; its failure shows on the row until the token changes. */
  attempt(account: AccountView, action: () => Promise<void>): Promise<void>;
  requestRemove(account: AccountView, index: number): void;
  requestRename(account: AccountView): void;
}

/** Props of {@link AccountRow}. */
export interface AccountRowProps {
  readonly account: AccountView;
  /** Local instant the token runs out; stable across state updates (see lib/row-equality.ts). */
  readonly deadline: number;
  /** The account's place among the accounts (keyboard order, position in the set). */
  readonly index: number;
  readonly setSize: number;
  /** The connection's name with two or more connections, else null. */
  readonly connectionName: string | null;
  /** A heading above shows the connection: the row says it to screen readers only. */
  readonly grouped: boolean;
  /** This row is the list's tab stop (roving focus). */
  readonly tabStop: boolean;
  /** In view or the tab stop: its countdown runs. Rows rendered out of view wait until they come in. */
  readonly live: boolean;
  /** Offset from the top of the list, in px (the list is virtualized). */
  readonly top: number;
  /** The button reads "Copied ✓" (for ~2 s after a copy). */
  readonly copied: boolean;
  /** Why the last action on this token failed, until the token changes; null when none did. */
  readonly error: string | null;
  readonly actions: RowActions;
}

function AccountRowView({ account, deadline, index, setSize, connectionName, grouped, tabStop, live, top, copied, error, actions }: AccountRowProps): ReactElement {
  const [menuOpen, setMenuOpen] = useState(false);
  const moreRef = useRef<HTMLButtonElement>(null);
  const ids = useId();
  const { label, userid } = account;
  // Announcements and the buttons' names must tell two same-named accounts apart: both name the connection.
  const spoken = onConnection(label, connectionName);
  const usable = isUsable(account.status);
  const innerTab = tabStop ? 0 : -1;

  const primary = (): void => (usable ? actions.copy(account, null, spoken) : actions.renewAndCopy(account, spoken));
  const remove = (): void => actions.requestRemove(account, index);
  const showTooltip = (event: SyntheticEvent<HTMLDivElement>): void => {
    event.currentTarget.title = rowTooltip(account);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.target !== event.currentTarget || event.altKey || event.ctrlKey || event.metaKey) return;
    const act = { Enter: primary, Delete: remove, ContextMenu: () => setMenuOpen(true) }[event.key === 'F10' && event.shiftKey ? 'ContextMenu' : event.key];
    if (act === undefined) return;
    event.preventDefault();
    act();
  };

  // The copy formats and "Details…" come from main when the menu opens (RowMenu asks for them).
  const menuItems: RowMenuItem[] = [
    ...(account.active ? [] : [{ key: 'active', text: 'Make active', name: `Make active for ${spoken}`, onSelect: () => actions.setActive(account, spoken) }]),
    { key: 'renew', text: 'Renew', name: `Renew token for ${spoken}`, onSelect: () => actions.renew(account) },
    { key: 'rename', text: 'Rename…', name: `Rename ${spoken}`, onSelect: () => actions.requestRename(account) },
    { key: 'remove', text: 'Remove…', name: `Remove ${spoken}`, danger: true, onSelect: remove },
  ];

  return (
    <div
      role="listitem"
      className={`row row-${account.status}${account.active ? ' row-active' : ''}`}
      data-index={index}
      tabIndex={innerTab}
      aria-posinset={index + 1}
      aria-setsize={setSize}
      aria-labelledby={error === null ? `${ids}n ${ids}s ${ids}t` : `${ids}n ${ids}t`}
      aria-keyshortcuts="Enter Delete"
      // The tooltip (and accessible description) is written on hover or focus: its local time needs an
      // Intl formatter, whose first build costs ~10 ms, and no row needs it before someone points at it.
      onPointerEnter={showTooltip}
      onFocus={showTooltip}
      style={{ transform: `translateY(${top}px)` }}
      onKeyDown={onKeyDown}
    >
      <span id={`${ids}n`} className="row-name">
        {account.active ? <Icon name="active" /> : null}
        <span className="row-label">{label}</span>
        {userid !== null && userid !== label ? <span className="muted"> {userid}</span> : null}
        {connectionName === null ? null : <span className={grouped ? 'visually-hidden' : 'muted'}> on {connectionName}</span>}
        {account.active ? <span className="visually-hidden">, active</span> : null}
      </span>
      {/* A failure takes the place of the status and the time left (the message says what is wrong). */}
      {error !== null ? (
        <span id={`${ids}t`} className="row-error" title={error}>
          {error}
        </span>
      ) : (
        <StatusText id={`${ids}s`} status={account.status} deadline={deadline} />
      )}
      {error !== null ? null : account.status === 'sign_in_again' ? (
        <span id={`${ids}t`} className="countdown">
          no token
        </span>
      ) : (
        <Countdown id={`${ids}t`} deadline={deadline} status={account.status} live={live} />
      )}
      <button type="button" className="button row-primary" tabIndex={innerTab} aria-label={`${usable ? 'Copy' : 'Renew and copy'} for ${spoken}`} onClick={primary}>
        {copied ? 'Copied ✓' : usable ? 'Copy' : 'Renew & copy'}
      </button>
      <button
        ref={moreRef}
        type="button"
        className="button button-icon button-quiet"
        tabIndex={innerTab}
        aria-label={`More actions for ${spoken}`}
        aria-haspopup="menu"
        aria-expanded={menuOpen}
        // A click on a row cut off at the list's edge scrolls it into view, and a scroll closes the menu:
        // open it in the next frame, after that scroll's event.
        onClick={() => requestAnimationFrame(() => setMenuOpen((open) => !open))}
        onKeyDown={(event) => {
          if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
          event.preventDefault();
          event.stopPropagation();
          setMenuOpen(true);
        }}
      >
        <Icon name="more" />
      </button>
      {menuOpen ? (
        <RowMenu
          id={`${ids}m`}
          name={`Actions for ${spoken}`}
          items={menuItems}
          accountId={account.id}
          onCopy={(format) => actions.copy(account, format, spoken)}
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
 * One account on one line of fixed height: name (with the userid when the name differs, and the
 * connection when no heading shows it), status (shape + word), time left, one primary action —
 * Copy, or "Renew & copy" when the token can no longer be copied — and the menu. Expiry in local
 * time and UTC is in the tooltip and the accessible description. Enter does the primary action;
 * Delete asks to remove. Memoized: a state update re-renders only rows whose own
 * account changed.
 */
export const AccountRow = memo(AccountRowView, sameProps);
