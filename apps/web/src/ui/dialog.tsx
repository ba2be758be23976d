import type { ReactNode } from 'react';
import { useEffect, useRef } from 'react';
import { Button } from './button';

/**
 * A modal dialog on the browser's own <dialog>: focus moves into it and back, Esc closes it, the
 * page behind is inert. Controlled by `open`.
 */
function Dialog({
  open,
  title,
  children,
  onClose,
  footer,
}: {
  open: boolean;
  title: ReactNode;
  children: ReactNode;
  onClose: () => void;
  footer?: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="ui-dialog"
      aria-labelledby="ui-dialog-title"
      onCancel={(e) => {
        e.preventDefault(); // Esc: the parent decides (it may be busy)
        onClose();
      }}
    >
      {open && (
        <>
          <h2 className="ui-dialog-title" id="ui-dialog-title">
            {title}
          </h2>
          <div className="ui-dialog-body">{children}</div>
          {footer && <div className="ui-dialog-footer">{footer}</div>}
        </>
      )}
    </dialog>
  );
}

/** "Are you sure?" for a step that cannot be undone: what happens, then confirm or go back. */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmText,
  cancelText,
  danger,
  busy,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: ReactNode;
  children?: ReactNode;
  confirmText: string;
  cancelText: string;
  danger?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <Dialog
      open={open}
      title={title}
      onClose={() => !busy && onCancel()}
      footer={
        <>
          <Button onClick={onCancel} disabled={busy}>
            {cancelText}
          </Button>
          <Button variant={danger ? 'danger' : 'primary'} onClick={onConfirm} loading={busy}>
            {confirmText}
          </Button>
        </>
      }
    >
      {children}
    </Dialog>
  );
}
