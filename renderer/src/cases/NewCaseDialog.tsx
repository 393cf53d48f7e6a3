import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../shared/contract';
import { useApi } from '../api/context';
import { FormError } from '../forms/FormFeedback';
import { FormTextField } from '../forms/FormTextField';
import { applyServerError } from '../forms/server-errors';

const schema = contract['cases.create'].input;

/** The short form; the full referral intake comes with the case-file screens. */
export function NewCaseDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (caseId: number) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { childFirstName: '', childLastName: '', summary: '' } });
  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      const created = await api.call('cases.create', values);
      onCreated(created.id);
    } catch (error) {
      setFailure(applyServerError(error, form.setError, t, (path) => (['childFirstName', 'childLastName', 'summary'] as const).find((f) => f === path[0]) ?? null));
    }
  });
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth>
      <form onSubmit={submit} noValidate>
        <DialogTitle>{t('cases.newTitle')}</DialogTitle>
        <DialogContent>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            <FormTextField control={form.control} name="childFirstName" label={t('cases.firstName')} autoFocus />
            <FormTextField control={form.control} name="childLastName" label={t('cases.lastName')} />
          </Stack>
          <FormTextField control={form.control} name="summary" label={t('cases.summary')} multiline />
          <FormError message={failure} />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={form.formState.isSubmitting}>
            {t('cases.create')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
