import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AccountView, AiriskApi, CopyFormat } from '../../src-main/contract.ts';
import { currentRowErrors, rowError, type RowError } from '../../src-main/shared/row-errors.ts';
import { announce } from '../lib/announcer.ts';
import { copiedAnnouncement } from '../lib/copy-text.ts';
import { errorText } from '../lib/error-text.ts';

/** How long a Copy button reads "Copied ✓". */
const COPIED_MS = 2000;

/** What the window's status line says: the last copy (counting down to the clipboard's clearing) or the last failure. */
export interface StatusNote {
  readonly text: string;
  readonly clearsAt: string | null;
  /** The failure of an action on this account (shown while the row's error is true). */
  readonly errorOf: string | null;
}

/** The actions every Copy button, row and the status line share, and what they show. */
export interface CopyActions {
  readonly copy: (account: AccountView, format: CopyFormat | null, spoken: string) => void;
  readonly renewAndCopy: (account: AccountView, spoken: string) => void;
  readonly setActive: (account: AccountView, spoken: string) => void;
  /** Runs an action on `account`; a failure (its message) goes on the row and the status line, and is announced. */
  readonly attempt: (account: AccountView, action: () => Promise<void>) => Promise<void>;
  /** The account whose button reads "Copied ✓", or null. */
  readonly copiedId: string | null;
  /** Errors by account id, each gone once its token changed. */
  readonly errors: ReadonlyMap<string, RowError>;
  readonly note: StatusNote | null;
}

/**
 * Copy (and "Renew & copy") for the whole window: the copy happens in main; a failure stays on
 * its row until the token changes (src-main/shared/row-errors.ts). "Renew & copy" renews through
 * main (its progress shows from `state.signIn` like any sign-in) and copies in the default format
 * the moment main has saved the new token. `accounts`: the state's.
 */
export function useCopyActions(api: AiriskApi, accounts: readonly AccountView[] | undefined): CopyActions {
  const [copiedId, setCopiedId] = useState<string | null>(null);
  const [note, setNote] = useState<StatusNote | null>(null);
  const [allErrors, setErrors] = useState<ReadonlyMap<string, RowError>>(new Map());
  const timer = useRef<number | undefined>(undefined);
  const latest = useRef(accounts);
  latest.current = accounts;

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const attempt = useCallback(async (account: AccountView, action: () => Promise<void>) => {
    try {
      await action();
      setErrors((errors) => (errors.has(account.id) ? new Map([...errors].filter(([id]) => id !== account.id)) : errors));
    } catch (error) {
      const message = errorText(error);
      const now = latest.current?.find((candidate) => candidate.id === account.id) ?? account;
      setErrors((errors) => new Map(errors).set(account.id, rowError(now, message)));
      setNote({ text: message, clearsAt: null, errorOf: account.id });
      announce(message);
    }
  }, []);

  // Counts the copies asked for, so a renewal that ends after another copy does not overwrite it.
  const copies = useRef(0);
  const copy = useCallback(
    (account: AccountView, format: CopyFormat | null, spoken: string) =>
      void attempt(account, async () => {
        copies.current++;
        const outcome = await api.copy(account.id, format);
        announce(copiedAnnouncement(outcome.copied, spoken, outcome.clearsAt, Date.now()));
        // "Copied header for user_42": the announcement without its clearing, which the status line counts down.
        setNote({ text: copiedAnnouncement(outcome.copied, spoken, null, 0), clearsAt: outcome.clearsAt, errorOf: null });
        setCopiedId(account.id);
        window.clearTimeout(timer.current);
        timer.current = window.setTimeout(() => setCopiedId(null), COPIED_MS);
      }),
    [api, attempt],
  );

  const setActive = useCallback(
    (account: AccountView, spoken: string) =>
      void attempt(account, async () => {
        await api.setActive(account.id);
        announce(`${spoken} is now the active account.`);
      }),
    [api, attempt],
  );

  const renewAndCopy = useCallback(
    (account: AccountView, spoken: string) =>
      void attempt(account, async () => {
        const before = copies.current;
        const outcome = await api.renew(account.id);
        if (!outcome.ok) {
          if (outcome.error.code !== 'cancelled') throw new Error(outcome.error.message);
        } else if (copies.current === before) copy({ ...account, id: outcome.accountId }, null, spoken);
        else announce(`Renewed ${spoken}; your newer copy stays.`);
      }),
    [api, attempt, copy],
  );

  const errors = useMemo(() => currentRowErrors(allErrors, accounts ?? []), [allErrors, accounts]);
  const shownNote = note !== null && note.errorOf !== null && !errors.has(note.errorOf) ? null : note;
  return { copy, renewAndCopy, setActive, attempt, copiedId, errors, note: shownNote };
}
