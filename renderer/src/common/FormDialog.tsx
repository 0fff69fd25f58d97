import { Button, Dialog, DialogActions, DialogContent, DialogTitle, type ButtonProps } from '@mui/material';
import type { ReactNode } from 'react';

// A dialog that is one form: its title names it (aria-labelledby), Enter or the main button submits,
// Escape, a click outside or the cancel button close it without a trace. The case page's dialogs
// (CaseLifecycleActions, CaseHandling) share it.

export function FormDialog({
  titleId,
  title,
  maxWidth,
  onCancel,
  onSubmit,
  cancelLabel,
  submitLabel,
  submitColor = 'primary',
  submitDisabled = false,
  submitTestId,
  children,
}: {
  titleId: string;
  title: ReactNode;
  maxWidth: 'xs' | 'sm' | 'md';
  onCancel: () => void;
  onSubmit: () => void;
  cancelLabel: ReactNode;
  submitLabel: ReactNode;
  submitColor?: ButtonProps['color'];
  submitDisabled?: boolean;
  submitTestId: string;
  children: ReactNode;
}) {
  return (
    <Dialog open onClose={onCancel} aria-labelledby={titleId} fullWidth maxWidth={maxWidth}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        <DialogTitle id={titleId}>{title}</DialogTitle>
        <DialogContent>{children}</DialogContent>
        <DialogActions>
          <Button onClick={onCancel}>{cancelLabel}</Button>
          <Button
            type="submit"
            variant="contained"
            color={submitColor}
            disabled={submitDisabled}
            data-testid={submitTestId}
          >
            {submitLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
