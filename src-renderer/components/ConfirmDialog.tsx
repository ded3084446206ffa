import { useId, useLayoutEffect, useRef, type ReactElement, type ReactNode } from 'react';

/** Props of {@link ConfirmDialog}. */
export interface ConfirmDialogProps {
  readonly title: string;
  readonly children: ReactNode;
  /** Text of the confirming button, e.g. "Remove". */
  readonly confirmText: string;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
  /** Text of the button that declines (default "Cancel"); Escape does the same. */
  readonly cancelText?: string;
  /** The confirming button's look (default the danger button). */
  readonly confirmClass?: string;
  readonly confirmDisabled?: boolean;
}

/**
 * A modal question (native `<dialog>`: focus stays inside, Escape cancels). Focus starts on Cancel,
 * so a stray Enter never confirms something destructive.
 */
export function ConfirmDialog({ title, children, confirmText, onConfirm, onCancel, cancelText = 'Cancel', confirmClass = 'button button-danger', confirmDisabled }: ConfirmDialogProps): ReactElement {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useLayoutEffect(() => {
    const dialog = dialogRef.current;
    if (dialog === null) return;
    if (!dialog.open) dialog.showModal();
    cancelRef.current?.focus();
    return () => dialog.close();
  }, []);

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      <div id={bodyId} className="dialog-body">
        {children}
      </div>
      <div className="dialog-actions">
        <button ref={cancelRef} type="button" className="button" onClick={onCancel}>
          {cancelText}
        </button>
        <button type="button" className={confirmClass} disabled={confirmDisabled} onClick={onConfirm}>
          {confirmText}
        </button>
      </div>
    </dialog>
  );
}
