import { useDeferredValue, useId, useLayoutEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import type { AccountView, ConnectionSummary } from '../../src-main/contract.ts';
import { useRovingFocus } from '../hooks/use-roving-focus.ts';
import { useVirtualRows } from '../hooks/use-virtual-rows.ts';
import { deadlineMs } from '../lib/account-time.ts';
import { announce } from '../lib/announcer.ts';
import { errorText } from '../lib/error-text.ts';
import { listRows, type ListRow } from '../lib/account-rows.ts';
import { accountConnectionName, onConnection } from '../lib/connection-text.ts';
import { filterAccounts } from '../lib/filter-accounts.ts';
import { stableDeadlines } from '../lib/row-equality.ts';
import { AccountRow, type RowActions } from './AccountRow.tsx';
import { ConfirmDialog } from './ConfirmDialog.tsx';

/** Props of {@link AccountList}. */
export interface AccountListProps {
  readonly accounts: readonly AccountView[];
  /** `AppState.connections`: with two or more, the list groups the accounts by connection. */
  readonly connections: readonly ConnectionSummary[];
  /** `AppState.generatedAt`: `secondsLeft` counts from here. */
  readonly generatedAt: string;
  /** Everything but removal, which the list confirms itself. */
  readonly actions: Omit<RowActions, 'requestRemove'>;
  readonly remove: (accountId: string) => Promise<void>;
  /** Id for the list's heading, which takes focus when the person comes back to this screen. */
  readonly headingId: string;
}

/** Rows are about this tall; the virtualizer measures the real height of those on screen. */
const ROW_ESTIMATE = 72;
/** A connection's heading row is exactly this tall (components.css `.list-heading`). */
const HEADING_HEIGHT = 36;
const rowKey = (row: ListRow): string => row.key;
const headingHeight = (row: ListRow): number | undefined => (row.kind === 'heading' ? HEADING_HEIGHT : undefined);
/** A filter field appears once the list is longer than this. */
const FILTER_FROM = 8;

/**
 * The accounts, virtualized so the page stays small at any number of them. One tab stop for the
 * whole list (roving focus: ArrowUp / ArrowDown / Home / End / PageUp / PageDown); the focused row
 * is always rendered, even when scrolled out of view.
 *
 * With two or more connections the accounts are grouped under a heading per connection. The
 * headings are rows of the virtual list (of a fixed height) but not stops of the roving focus,
 * which moves over the accounts only. For screen readers the headings are hidden and each row's
 * name carries its connection ("user_42 on Staging, …"): a virtualized list cannot nest its rows in
 * `role=group` elements (the rows of a group are rendered only in part, and a group's element
 * would have to span rows that are not there), and a heading inside `role=list` is not allowed.
 */
export function AccountList({ accounts, connections, generatedAt, actions, remove, headingId }: AccountListProps): ReactElement {
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const filtered = useMemo(() => filterAccounts(accounts, deferredQuery), [accounts, deferredQuery]);
  const layout = useMemo(() => listRows(filtered, connections), [filtered, connections]);
  const shown = layout.accounts;
  const [pendingRemoval, setPendingRemoval] = useState<{ account: AccountView; index: number } | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const refocusAfterRemoval = useRef<{ id: string; index: number } | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const tipId = useId();
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
    pageSize: () => Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_ESTIMATE) / ROW_ESTIMATE)),
    // The first account of a group brings its heading into view with it.
    scrollTo: (index) => {
      const row = layout.rowOf[index] ?? index;
      if (layout.rows[row - 1]?.kind === 'heading') scrollToRef.current(row - 1);
      scrollToRef.current(row);
    },
  });

  // The tab stop row is always rendered, even scrolled out of view, so focus never falls out of the list.
  const virtual = useVirtualRows({
    items: layout.rows,
    keyOf: rowKey,
    rowHeight: ROW_ESTIMATE,
    fixedHeightOf: headingHeight,
    overscan: 4,
    keep: layout.rowOf[roving.current] ?? -1,
    scrollRef,
  });
  scrollToRef.current = virtual.scrollTo;

  // After a removal, once the account has left the list, focus the row that took its place.
  const { focusRow } = roving;
  useLayoutEffect(() => {
    const pending = refocusAfterRemoval.current;
    if (pending === null || shown.some((account) => account.id === pending.id)) return;
    refocusAfterRemoval.current = null;
    if (shown.length > 0) focusRow(pending.index);
  }, [shown, focusRow]);

  const rowActions = useMemo<RowActions>(
    () => ({
      ...actions,
      requestRemove: (account, index) => {
        setRemoveError(null);
        setPendingRemoval({ account, index });
      },
    }),
    [actions],
  );

  // An account named outside its group (the dialog, announcements) says its connection, when there are several.
  const accountName = (account: AccountView): string => {
    return onConnection(account.label, accountConnectionName(connections, account));
  };

  const confirmRemoval = async (): Promise<void> => {
    if (pendingRemoval === null) return;
    const { account, index } = pendingRemoval;
    setPendingRemoval(null);
    const name = accountName(account);
    try {
      refocusAfterRemoval.current = { id: account.id, index };
      await remove(account.id);
      announce(`Removed ${name}.`);
    } catch (error) {
      refocusAfterRemoval.current = null;
      setRemoveError(`Could not remove ${name}: ${errorText(error)}`);
      focusRow(index);
    }
  };

  return (
    <section className="accounts" aria-labelledby={headingId}>
      <div className="section-head">
        <h2 id={headingId} className="section-title" tabIndex={-1}>
          Accounts <span className="count">({shown.length === accounts.length ? accounts.length : `${shown.length} of ${accounts.length}`})</span>
        </h2>
        {accounts.length > FILTER_FROM ? (
          <div className="filter">
            <label htmlFor={filterId} className="visually-hidden">
              Filter accounts
            </label>
            <input
              id={filterId}
              className="input"
              type="search"
              placeholder="Filter accounts"
              autoComplete="off"
              spellCheck={false}
              value={query}
              onChange={(event) => setQuery(event.currentTarget.value)}
            />
          </div>
        ) : null}
      </div>
      {accounts.length > 0 ? (
        <p id={tipId} className="tip">
          <kbd>↑</kbd> <kbd>↓</kbd> move · <kbd>Enter</kbd> copies the header · <kbd>F2</kbd> renames · <kbd>Delete</kbd> removes
        </p>
      ) : null}
      {removeError === null ? null : (
        <p className="inline-error">
          {removeError}{' '}
          <button type="button" className="link-button" onClick={() => setRemoveError(null)}>
            Dismiss
          </button>
        </p>
      )}
      {accounts.length === 0 ? (
        <p className="empty">No tokens yet. Sign in above to get your first one — the generic token, or one for a user id.</p>
      ) : shown.length === 0 ? (
        <p className="empty">No account matches “{deferredQuery.trim()}”.</p>
      ) : null}
      <div ref={scrollRef} className="list-scroll" hidden={shown.length === 0}>
        {shown.length === 0 ? null : (
        <div
          ref={listRef}
          role="list"
          aria-labelledby={headingId}
          aria-describedby={accounts.length > 0 ? tipId : undefined}
          className="list"
          style={{ height: `${virtual.height}px` }}
          onKeyDown={roving.onKeyDown}
          onFocus={roving.onFocus}
        >
          {virtual.rows.map((item) => {
            const row = layout.rows[item.index];
            if (row === undefined) return null;
            if (row.kind === 'heading') {
              return (
                <div key={row.key} className="list-heading" aria-hidden="true" style={{ transform: `translateY(${item.top}px)`, height: `${HEADING_HEIGHT}px` }}>
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
                row={item.index}
                setSize={shown.length}
                connectionName={row.connectionName}
                tabStop={accountIndex === roving.current}
                live={accountIndex === roving.current || (item.index >= virtual.visible[0] && item.index <= virtual.visible[1])}
                top={item.top}
                actions={rowActions}
                measure={virtual.measure}
              />
            );
          })}
        </div>
        )}
      </div>
      {pendingRemoval === null ? null : (
        <ConfirmDialog
          title={`Remove ${accountName(pendingRemoval.account)}?`}
          confirmText="Remove"
          onConfirm={() => void confirmRemoval()}
          onCancel={() => {
            const { index } = pendingRemoval;
            setPendingRemoval(null);
            focusRow(index);
          }}
        >
          <p>Its token is deleted from this computer. You can sign in again at any time to get a new one.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
