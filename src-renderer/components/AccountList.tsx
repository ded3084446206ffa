import { useDeferredValue, useId, useLayoutEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import type { AccountView } from '../../src-main/contract.ts';
import { useRovingFocus } from '../hooks/use-roving-focus.ts';
import { useVirtualRows } from '../hooks/use-virtual-rows.ts';
import { deadlineMs } from '../lib/account-time.ts';
import { announce } from '../lib/announcer.ts';
import { errorText } from '../lib/error-text.ts';
import { filterAccounts } from '../lib/filter-accounts.ts';
import { stableDeadlines } from '../lib/row-equality.ts';
import { AccountRow, type RowActions } from './AccountRow.tsx';
import { ConfirmDialog } from './ConfirmDialog.tsx';

/** Props of {@link AccountList}. */
export interface AccountListProps {
  readonly accounts: readonly AccountView[];
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
const accountKey = (account: AccountView): string => account.id;
/** A filter field appears once the list is longer than this. */
const FILTER_FROM = 8;

/**
 * The accounts, virtualized so the page stays small at any number of them. One tab stop for the
 * whole list (roving focus: ArrowUp / ArrowDown / Home / End / PageUp / PageDown); the focused row
 * is always rendered, even when scrolled out of view.
 */
export function AccountList({ accounts, generatedAt, actions, remove, headingId }: AccountListProps): ReactElement {
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const shown = useMemo(() => filterAccounts(accounts, deferredQuery), [accounts, deferredQuery]);
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
    scrollTo: (index) => scrollToRef.current(index),
  });

  // The tab stop row is always rendered, even scrolled out of view, so focus never falls out of the list.
  const virtual = useVirtualRows({ items: shown, keyOf: accountKey, rowHeight: ROW_ESTIMATE, overscan: 4, keep: roving.current, scrollRef });
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

  const confirmRemoval = async (): Promise<void> => {
    if (pendingRemoval === null) return;
    const { account, index } = pendingRemoval;
    setPendingRemoval(null);
    try {
      refocusAfterRemoval.current = { id: account.id, index };
      await remove(account.id);
      announce(`Removed ${account.label}.`);
    } catch (error) {
      refocusAfterRemoval.current = null;
      setRemoveError(`Could not remove ${account.label}: ${errorText(error)}`);
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
            const account = shown[item.index];
            if (account === undefined) return null;
            return (
              <AccountRow
                key={account.id}
                account={account}
                deadline={deadlines.get(account.id) ?? Number.NaN}
                index={item.index}
                setSize={shown.length}
                tabStop={item.index === roving.current}
                live={item.index === roving.current || (item.index >= virtual.visible[0] && item.index <= virtual.visible[1])}
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
          title={`Remove ${pendingRemoval.account.label}?`}
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
