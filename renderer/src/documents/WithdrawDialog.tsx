import { zodResolver } from '@hookform/resolvers/zod';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { checkMessages } from '../../../shared/contract/fields';
import type { IssuedDocument } from '../../../shared/contract/methods/documents';
import { useApi } from '../api/context';
import { documentsKey } from '../api/queries';
import { FormDialog } from '../components/FormDialog';
import { FormTextField } from '../forms/FormTextField';
import { applyServerError } from '../forms/server-errors';

const withdrawForm = z.object({ reason: z.string().trim().min(1, { message: checkMessages.blank }).max(500) });

/**
 * Withdraw an issued document, with the reason a clerk checking the file will
 * read. The record and the file stay; only their standing changes.
 */
export function WithdrawDialog({ document: d, onClose }: { document: IssuedDocument; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({ resolver: zodResolver(withdrawForm), defaultValues: { reason: '' } });

  const submit = form.handleSubmit(async ({ reason }) => {
    setFailure(null);
    try {
      await api.call('documents.withdraw', { documentId: d.id, reason });
      if (d.caseId !== null) {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: documentsKey(d.caseId) }),
          queryClient.invalidateQueries({ queryKey: ['cases', 'timeline', d.caseId] }),
        ]);
      }
      onClose();
    } catch (error) {
      // Someone withdrew it meanwhile: the list shows who, and why.
      if (d.caseId !== null) void queryClient.invalidateQueries({ queryKey: documentsKey(d.caseId) });
      setFailure(applyServerError(error, form.setError, t, (path) => (path[0] === 'reason' ? 'reason' : null)));
    }
  });

  return (
    <FormDialog
      title={t('documents.withdrawDialog.title', { number: d.number })}
      onClose={onClose}
      onSubmit={submit}
      submitting={form.formState.isSubmitting}
      failure={failure}
      submitLabel={t('documents.withdrawDialog.submit')}
    >
      <Typography variant="body2" color="text.secondary">
        {t('documents.withdrawDialog.intro')}
      </Typography>
      <FormTextField
        control={form.control}
        name="reason"
        label={t('documents.withdrawDialog.reason')}
        helperText={t('documents.withdrawDialog.reasonHint')}
        multiline
        autoFocus
      />
    </FormDialog>
  );
}
