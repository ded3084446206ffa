import { useId, useLayoutEffect, useRef, type ReactElement, type ReactNode } from 'react';

/** Props of {@link ConfirmDialog}. */
export interface ConfirmDialogProps {
  readonly title: string;
  readonly children: ReactNode;
  /** Text of the confirming button, e.g. "Remove"; none: the dialog only informs, and has only `cancelText`. */
  readonly confirmText?: string;
  readonly onConfirm?: () => void;
  readonly onCancel: () => void;
  /** Text of the button that declines (default "Cancel"); Escape does the same. */
  readonly cancelText?: string;
  /** The confirming button's look (default the danger button). */
  readonly confirmClass?: string;
  readonly confirmDisabled?: boolean;
  /** A sheet of fields: focus starts on its first field (showModal's choice), not on Cancel. */
  readonly sheet?: boolean;
}

/**
 * The window's one modal (native `<dialog>`: focus stays inside, Escape cancels, and closing gives
 * focus back to what opened it). Focus starts on Cancel (or Close), so a stray Enter never confirms
 * something destructive, or, in a sheet, on its first field.
 */
export function ConfirmDialog({ title, children, confirmText, onConfirm, onCancel, cancelText = 'Cancel', confirmClass = 'button button-danger', confirmDisabled, sheet }: ConfirmDialogProps): ReactElement {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const id = useId();

  useLayoutEffect(() => {
    const dialog = dialogRef.current;
    if (dialog === null) return;
    if (!dialog.open) dialog.showModal();
    // showModal focuses the first focusable part (a field, or a scrolling box): elsewhere start on Cancel.
    if (sheet !== true) cancelRef.current?.focus();
    return () => dialog.close();
  }, []);
  // With nothing to confirm, closed before the caller moves focus: closing later would move focus to where it was at showModal (a menu item, gone).
  const cancel = (): void => {
    if (confirmText === undefined) dialogRef.current?.close();
    onCancel();
  };

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby={id}
      aria-describedby={confirmText && `${id}b`}
      onCancel={(event) => {
        event.preventDefault();
        cancel();
      }}
    >
      <h2 id={id} className="dialog-title">
        {title}
      </h2>
      <div id={`${id}b`} className="dialog-body">
        {children}
      </div>
      <div className="dialog-actions">
        <button ref={cancelRef} type="button" className="button" onClick={cancel}>
          {cancelText}
        </button>
        {confirmText === undefined ? null : (
          <button type="button" className={confirmClass} disabled={confirmDisabled} onClick={onConfirm}>
            {confirmText}
          </button>
        )}
      </div>
    </dialog>
  );
}
