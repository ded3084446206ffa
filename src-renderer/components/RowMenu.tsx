import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactElement, type RefObject } from 'react';
import type { CopyFormat, TokenDetails } from '../../src-main/contract.ts';
import { useApi } from '../hooks/use-api.ts';
import { TokenDetailsDialog } from './TokenDetailsDialog.tsx';

/** One entry of a {@link RowMenu}. */
export interface RowMenuItem {
  readonly key: string;
  /** Visible text. */
  readonly text: string;
  /** Accessible name (contains `text`, plus whose account it is). */
  readonly name: string;
  readonly danger?: boolean;
  readonly onSelect: () => void;
}

/** Props of {@link RowMenu}. */
export interface RowMenuProps {
  readonly id: string;
  /** Accessible name of the menu, e.g. "Actions for user_42". */
  readonly name: string;
  readonly items: readonly RowMenuItem[];
  /** The button that opened the menu; the menu sits next to it and focus returns to it. */
  readonly anchorRef: RefObject<HTMLElement | null>;
  /** Called when the menu should close; `returnFocus` when focus was inside it. */
  readonly onClose: (returnFocus: boolean) => void;
  /**
   * The account the menu is for: the menu offers every copy format (main says which this token
   * cannot take, and why) and "Details…" above `items` (when main could not be asked: `items` alone).
   */
  readonly accountId: string;
  readonly onCopy: (format: CopyFormat) => void;
}

/** An item as drawn: a copy format carries main's reason it cannot be used (null: it can). */
type Shown = RowMenuItem & { readonly problem?: string | null };

/**
 * A menu of row actions in the top layer (popover), so the scrolling list never clips it.
 * Keyboard: ArrowUp / ArrowDown / Home / End move, Enter or Space chooses, Escape closes and returns
 * focus to the button, Tab closes. A click outside closes it; so does scrolling or resizing.
 */
export function RowMenu({ id, name, items, anchorRef, onClose, accountId, onCopy }: RowMenuProps): ReactElement {
  const api = useApi();
  const noteId = useId();
  const menuRef = useRef<HTMLDivElement>(null);
  // undefined while main is asked; null: no details (the items as given).
  const [details, setDetails] = useState<TokenDetails | null | undefined>();
  const [showDetails, setShowDetails] = useState(false);
  const ready = details !== undefined;
  useEffect(() => {
    api.tokenDetails(accountId).then(setDetails, () => setDetails(null));
  }, [api, accountId]);
  const [position, setPosition] = useState<{ top: number; left: number } | null>(null);
  const closeRef = useRef(onClose);
  closeRef.current = onClose;

  useLayoutEffect(() => {
    const menu = menuRef.current;
    const anchor = anchorRef.current;
    if (menu === null || anchor === null || !ready) return;
    if (!menu.matches(':popover-open')) menu.showPopover();
    const anchorBox = anchor.getBoundingClientRect();
    const menuBox = menu.getBoundingClientRect();
    const below = anchorBox.bottom + 4;
    const top = below + menuBox.height <= window.innerHeight - 8 ? below : Math.max(8, anchorBox.top - menuBox.height - 4);
    const left = Math.min(Math.max(8, anchorBox.right - menuBox.width), window.innerWidth - menuBox.width - 8);
    setPosition({ top, left });
  }, [anchorRef, ready]);

  const placed = position !== null;
  useEffect(() => {
    if (placed) menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus({ preventScroll: true });
  }, [placed]);

  useEffect(() => {
    if (showDetails) return;
    const outside = (event: Event): void => {
      const target = event.target as Node | null;
      if (menuRef.current?.contains(target) === true || anchorRef.current?.contains(target) === true) return;
      closeRef.current(false);
    };
    // A resize or blur comes from the window, which is not a Node (contains() would throw): it closes.
    const away = (event: Event): void => {
      if (event.target instanceof Node && menuRef.current?.contains(event.target) === true) return;
      closeRef.current(false);
    };
    document.addEventListener('pointerdown', outside, true);
    document.addEventListener('scroll', away, true);
    window.addEventListener('resize', away);
    window.addEventListener('blur', away);
    return () => {
      document.removeEventListener('pointerdown', outside, true);
      document.removeEventListener('scroll', away, true);
      window.removeEventListener('resize', away);
      window.removeEventListener('blur', away);
    };
  }, [anchorRef, showDetails]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const entries = [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = entries.indexOf(document.activeElement as HTMLElement);
    const go = (index: number): void => entries[(index + entries.length) % entries.length]?.focus();
    event.stopPropagation();
    const moves: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: entries.length - 1 };
    const to = moves[event.key];
    if (to !== undefined) {
      event.preventDefault();
      go(to);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onClose(true);
    } else if (event.key === 'Tab') {
      onClose(false);
    }
  };

  if (showDetails && details) return <TokenDetailsDialog details={details} onClose={() => onClose(true)} />;
  const formats = details?.copyFormats ?? [];
  const shown: Shown[] = [
    ...formats.map((option) => ({ key: option.format, text: option.label, name: `Copy as ${option.label}`, onSelect: () => onCopy(option.format), problem: option.problem })),
    ...(formats.length === 0 ? [] : [{ key: 'details', text: 'Details…', name: 'Details…', onSelect: () => setShowDetails(true) }]),
    ...items,
  ];
  const firstRefused = formats.find((option) => option.problem !== null);

  return (
    <div
      ref={menuRef}
      id={id}
      popover="manual"
      role="menu"
      aria-label={name}
      className="menu"
      style={position === null ? undefined : { top: `${position.top}px`, left: `${position.left}px` }}
      onKeyDown={onKeyDown}
    >
      {formats.length === 0 ? null : (
        <span className="menu-heading" aria-hidden="true" />
      )}
      {ready
        ? shown.map((item) => {
            const refused = typeof item.problem === 'string';
            return (
            <button
              key={item.key}
              type="button"
              role="menuitem"
              tabIndex={-1}
              aria-label={item.name}
              aria-disabled={refused ? true : undefined}
              aria-describedby={refused ? noteId : undefined}
              className={item.danger === true ? 'menu-item menu-item-danger' : 'menu-item'}
              onClick={() => {
                if (refused) return;
                // "Details…" turns the menu into the details dialog; it closes with the dialog.
                if (item.key !== 'details') onClose(true);
                item.onSelect();
              }}
            >
              {item.text}
              {item.key === firstRefused?.format ? (
                <span id={noteId} className="menu-note">
                  {firstRefused.problem}
                </span>
              ) : null}
            </button>
            );
          })
        : null}
    </div>
  );
}
