import Alert, { type AlertColor } from '@mui/material/Alert';
import Button from '@mui/material/Button';
import type { ReactNode } from 'react';

/** A refused call, in words. Nothing when there is no failure. role=alert: screen readers announce it. */
export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <Alert severity="error" role="alert" sx={{ mt: 2 }}>
      {message}
    </Alert>
  );
}

/** Information that is not an error (saved, signed out…): role=status, announced politely. */
export function Notice({ severity, children }: { severity: Exclude<AlertColor, 'error'>; children: ReactNode }) {
  return (
    <Alert severity={severity} role="status" sx={{ mt: 1 }}>
      {children}
    </Alert>
  );
}

export function SubmitButton({ submitting, wide = false, children }: { submitting: boolean; wide?: boolean; children: ReactNode }) {
  return (
    <Button type="submit" variant="contained" size={wide ? 'large' : 'medium'} fullWidth={wide} sx={{ mt: wide ? 3 : 2 }} disabled={submitting}>
      {children}
    </Button>
  );
}
