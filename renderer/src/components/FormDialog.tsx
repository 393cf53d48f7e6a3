import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { useId, type FormEventHandler, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../forms/FormFeedback';

/** A dialog holding one form: its title, fields, the form's refusal in words, and Cancel / Save. */
export function FormDialog({
  title,
  onClose,
  onSubmit,
  submitting,
  failure,
  submitLabel,
  maxWidth = 'sm',
  children,
}: {
  title: string;
  onClose: () => void;
  onSubmit: FormEventHandler<HTMLFormElement>;
  submitting: boolean;
  failure: string | null;
  submitLabel?: string;
  maxWidth?: 'sm' | 'md';
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <Dialog open onClose={onClose} maxWidth={maxWidth} fullWidth aria-labelledby={titleId}>
      {/* The form fills the dialog as a column, so a long form scrolls its fields while the title and buttons stay put. */}
      <Box component="form" onSubmit={onSubmit} noValidate sx={{ display: 'flex', flexDirection: 'column', minHeight: 0, overflow: 'hidden' }}>
        <DialogTitle id={titleId}>{title}</DialogTitle>
        <DialogContent>
          {children}
          <FormError message={failure} />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={submitting}>
            {submitLabel ?? t('common.save')}
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}
