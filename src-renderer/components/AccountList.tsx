import { useDeferredValue, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactElement } from 'react';
import type { AccountView, AppState } from '../../src-main/contract.ts';
import { filterAccounts, openingFocus, type ListSort, type ListStatus } from '../../src-main/shared/account-list.ts';
import type { RowError } from '../../src-main/shared/row-errors.ts';
import { useApi } from '../hooks/use-api.ts';
import { isTextEntry, useRovingFocus } from '../hooks/use-roving-focus.ts';
import { useVirtualRows } from '../hooks/use-virtual-rows.ts';
import { deadlineMs } from '../lib/account-time.ts';
import { announce } from '../lib/announcer.ts';
import { errorText } from '../lib/error-text.ts';
import { listRows, type ListRow } from '../lib/account-rows.ts';
import { accountConnectionName, onConnection } from '../lib/connection-text.ts';
import { stableDeadlines } from '../lib/row-equality.ts';
import { AccountRow, type RowActions } from './AccountRow.tsx';
import { ConfirmDialog } from './ConfirmDialog.tsx';

/** Props of {@link AccountList}. */
export interface AccountListProps {
  /** Main's state: the accounts; the connections (with two or more, the list groups the accounts by them); `generatedAt`, where `secondsLeft` counts from; the status chips and the two orders. */
  readonly state: Pick<AppState, 'accounts' | 'connections' | 'generatedAt' | 'statusChips' | 'accountOrder'>;
  /** Everything but removal and renaming, which the list asks about itself (through a dialog). */
  readonly actions: Omit<RowActions, 'requestRemove' | 'requestRename'>;
  /** The account whose Copy reads "Copied ✓", or null. */
  readonly copiedId: string | null;
  /** Each row's error, until its token changes. */
  readonly errors: ReadonlyMap<string, RowError>;
  /** Id for the list's heading, which takes focus when the person comes back to this screen. */
  readonly headingId: string;
}

/** A row is exactly this tall, a connection's heading this (components.css `.row`, `.list-heading`). */
const ROW_HEIGHT = 44;
const HEADING_HEIGHT = 28;
const heightOf = (row: ListRow): number => (row.kind === 'heading' ? HEADING_HEIGHT : ROW_HEIGHT);

/**
 * The accounts, sorted (natural, active first; or by time left), filtered (name, userid,
 * connection, status words; or a status chip), virtualized so the page stays small at any number.
 * `/` and Ctrl/Cmd+F focus the filter; in it ArrowDown moves into the list, Enter copies the first
 * match, Escape clears. One tab stop for the list (roving focus: arrows, Home, End, Page keys).
 *
 * With two or more connections (sorted by name) the accounts are grouped under a heading per
 * connection. The headings are rows of the virtual list but not stops of the roving focus; for
 * screen readers they are hidden and each row's name carries its connection ("user_42 on Staging,
 * …"): a virtualized list cannot nest its rows in `role=group` elements, and a heading inside
 * `role=list` is not allowed.
 */
export function AccountList({ state: { accounts, connections, generatedAt, statusChips: chips, accountOrder }, actions, copiedId, errors, headingId }: AccountListProps): ReactElement {
  const api = useApi();
  const [query, setQuery] = useState('');
  // A chip filters by status exactly (not by the words, which a name could contain too).
  const [status, setStatus] = useState<ListStatus | null>(null);
  const [sort, setSort] = useState<ListSort>('name');
  const deferredQuery = useDeferredValue(query);
  // In main's order for the chosen sort.
  const sorted = useMemo(() => accountOrder[sort].flatMap((index) => accounts[index] ?? []), [accounts, accountOrder, sort]);
  const nameOf = useMemo(() => {
    const names = new Map(connections.map((connection) => [connection.id, connection.name]));
    return (id: string): string => names.get(id) ?? '';
  }, [connections]);
  const filtered = useMemo(() => filterAccounts(sorted, deferredQuery, nameOf, status), [sorted, deferredQuery, nameOf, status]);
  const layout = useMemo(() => listRows(filtered, connections, sort === 'name'), [filtered, connections, sort]);
  const shown = layout.accounts;
  // The dialog open on an account: Rename (`index` null) or Remove (focus goes back to row `index`).
  const [asking, setAsking] = useState<{ account: AccountView; index: number | null } | null>(null);
  const renameRef = useRef<HTMLInputElement>(null);
  // After the dialog's own focus (its Cancel): the name field, selected.
  useLayoutEffect(() => renameRef.current?.select(), [asking]);
  const refocusAfterRemoval = useRef<{ id: string; index: number } | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const filterRef = useRef<HTMLInputElement>(null);
  const filterId = useId();

  const deadlinesRef = useRef<Map<string, number>>(new Map());
  const deadlines = useMemo(() => {
    const next = stableDeadlines(new Map(accounts.map((account) => [account.id, deadlineMs(account, generatedAt)])), deadlinesRef.current);
    deadlinesRef.current = next;
    return next;
  }, [accounts, generatedAt]);

  const scrollToRef = useRef<(index: number) => void>(() => undefined);
  const roving = useRovingFocus({
    count: shown.length,
    containerRef: listRef,
    pageSize: () => Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT) / ROW_HEIGHT)),
    // The first account of a group brings its heading into view with it.
    scrollTo: (index) => {
      const row = layout.rowOf[index] ?? index;
      if (layout.rows[row - 1]?.kind === 'heading') scrollToRef.current(row - 1);
      scrollToRef.current(row);
    },
  });

  // The tab stop row is always rendered, even scrolled out of view, so focus never falls out of the list.
  const virtual = useVirtualRows({ items: layout.rows, heightOf, overscan: 4, keep: layout.rowOf[roving.current] ?? -1, scrollRef });
  scrollToRef.current = virtual.scrollTo;

  // After a removal, once the account has left the list, focus the row that took its place.
  const { focusRow } = roving;
  useLayoutEffect(() => {
    const pending = refocusAfterRemoval.current;
    if (pending === null || shown.some((account) => account.id === pending.id)) return;
    refocusAfterRemoval.current = null;
    if (shown.length > 0) focusRow(pending.index);
  }, [shown, focusRow]);

  // On open: a long list starts in the filter, a short one on the active row. `/` and Ctrl/Cmd+F find the filter from anywhere.
  useEffect(() => {
    if (openingFocus(accounts.length) === 'filter') filterRef.current?.focus();
    else if (accounts.length > 0) focusRow(Math.max(0, shown.findIndex((account) => account.active)));
    const onKey = (event: globalThis.KeyboardEvent): void => {
      const find = (event.key === 'f' || event.key === 'F') && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey;
      if (!find && (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isTextEntry(event.target))) return;
      if (document.querySelector('dialog[open], .menu:popover-open') !== null || filterRef.current === null) return;
      event.preventDefault();
      filterRef.current.focus();
      filterRef.current.select();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
    // Once per opening of the screen; the key handler reads refs only.
  }, []);

  const rowActions = useMemo<RowActions>(
    () => ({
      ...actions,
      requestRemove: (account, index) => setAsking({ account, index }),
      requestRename: (account) => setAsking({ account, index: null }),
    }),
    [actions],
  );

  // An account named outside its group (the dialog, announcements) says its connection, when there are several.
  const accountName = (account: AccountView): string => onConnection(account.label, accountConnectionName(connections, account));

  const onFilterKey = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.nativeEvent.isComposing) return;
    // Typed and Enter at once: the list may still show the last query's matches (a deferred render), so the first match is worked out from what is typed now.
    const first = query === deferredQuery ? shown[0] : filterAccounts(sorted, query, nameOf, status)[0];
    if (event.key === 'ArrowDown' && first !== undefined && query === deferredQuery) focusRow(0);
    else if (event.key === 'Enter' && first !== undefined) actions.copy(first, null, accountName(first));
    else if (event.key === 'Escape' && (query !== '' || status !== null)) {
      setQuery('');
      setStatus(null);
    } else return;
    event.preventDefault();
  };

  // A failed removal shows on the row, like any failed action.
  const confirmRemoval = (account: AccountView, index: number): void => {
    const name = accountName(account);
    void actions.attempt(account, async () => {
      refocusAfterRemoval.current = { id: account.id, index };
      try {
        await api.remove(account.id);
      } catch (error) {
        refocusAfterRemoval.current = null;
        focusRow(index);
        throw new Error(`Could not remove ${name}: ${errorText(error)}`);
      }
      announce(`Removed ${name}.`);
    });
  };

  return (
    <section className="accounts" aria-labelledby={headingId}>
      <div className="list-toolbar">
        <h2 id={headingId} className="section-title" tabIndex={-1}>
          Accounts <span className="count">({shown.length === accounts.length ? accounts.length : `${shown.length} of ${accounts.length}`})</span>
        </h2>
        {chips.length === 0 ? null : (
          <span className="chips">
            {chips.map((chip) => (
              <button
                key={chip.status}
                type="button"
                className={`chip status-${chip.status}`}
                aria-pressed={status === chip.status}
                onClick={() => setStatus(status === chip.status ? null : chip.status)}
              >
                {chip.text}
              </button>
            ))}
          </span>
        )}
        <input
          ref={filterRef}
          id={filterId}
          className="input filter"
          type="search"
          aria-label="Filter accounts"
          aria-keyshortcuts="/ Control+F Meta+F"
          placeholder="Filter  /"
          autoComplete="off"
          spellCheck={false}
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
          onKeyDown={onFilterKey}
        />
        {/* Its visible words ("Time left") are in list.css: the name is the aria-label. */}
        <button type="button" className="button button-small sort-toggle" aria-pressed={sort === 'time-left'} aria-label="Sort by time left" onClick={() => setSort(sort === 'name' ? 'time-left' : 'name')} />
      </div>
      {accounts.length === 0 ? (
        <p className="empty">No tokens yet: + Sign in gets the first one.</p>
      ) : shown.length === 0 ? (
        <p className="empty">No account matches{deferredQuery.trim() && ` “${deferredQuery.trim()}”`}.</p>
      ) : null}
      <div ref={scrollRef} className="list-scroll" hidden={shown.length === 0}>
        {shown.length === 0 ? null : (
          <div ref={listRef} role="list" aria-labelledby={headingId} className="list" style={{ height: `${virtual.height}px` }} onKeyDown={roving.onKeyDown} onFocus={roving.onFocus}>
            {virtual.rows.map((item) => {
              const row = layout.rows[item.index];
              if (row === undefined) return null;
              if (row.kind === 'heading') {
                return (
                  <div key={row.key} className="list-heading" aria-hidden="true" style={{ transform: `translateY(${item.top}px)` }}>
                    <span className="list-heading-name">{row.connection.name}</span>
                    <span className="list-heading-origin">{row.connection.origin}</span>
                  </div>
                );
              }
              const { account, accountIndex } = row;
              return (
                <AccountRow
                  key={account.id}
                  account={account}
                  deadline={deadlines.get(account.id) ?? Number.NaN}
                  index={accountIndex}
                  setSize={shown.length}
                  connectionName={row.connectionName}
                  grouped={layout.grouped}
                  tabStop={accountIndex === roving.current}
                  live={accountIndex === roving.current || (item.index >= virtual.visible[0] && item.index <= virtual.visible[1])}
                  top={item.top}
                  copied={copiedId === account.id}
                  error={errors.get(account.id)?.message ?? null}
                  actions={rowActions}
                />
              );
            })}
          </div>
        )}
      </div>
      {asking === null ? null : (
        <ConfirmDialog
          title={asking.index === null ? `Rename ${accountName(asking.account)}` : `Remove ${accountName(asking.account)}?`}
          confirmText={asking.index === null ? 'Rename' : 'Remove'}
          confirmClass={asking.index === null ? 'button button-primary' : 'button button-danger'}
          onConfirm={() => {
            const { account, index } = asking;
            setAsking(null);
            if (index !== null) confirmRemoval(account, index);
            else void actions.attempt(account, () => api.rename(account.id, renameRef.current?.value ?? account.label));
          }}
          onCancel={() => {
            setAsking(null);
            if (asking.index !== null) focusRow(asking.index);
          }}
        >
          {asking.index === null ? (
            <>
              <label className="field-label" htmlFor={`${filterId}r`}>
                Name
              </label>
              <input
                ref={renameRef}
                id={`${filterId}r`}
                className="input"
                defaultValue={asking.account.label}
                maxLength={64}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') event.currentTarget.closest('dialog')?.querySelector<HTMLButtonElement>('.button-primary')?.click();
                }}
              />
            </>
          ) : (
            <p>Its token is deleted from this computer; sign in again for a new one.</p>
          )}
        </ConfirmDialog>
      )}
    </section>
  );
}
