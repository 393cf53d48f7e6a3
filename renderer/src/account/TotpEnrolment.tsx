import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { totpCodeSchema } from '../../../shared/contract';
import { useApi } from '../api/context';
import { FormError, SubmitButton } from '../forms/FormFeedback';
import { FormTextField } from '../forms/FormTextField';
import { applyServerError } from '../forms/server-errors';
import { errorMessage } from '../i18n/messages';

const schema = z.object({ code: totpCodeSchema });

/** Scan, type the code, done. The QR code is an SVG made by the host; nothing is fetched from anywhere. */
export function TotpEnrolment({ onEnrolled }: { onEnrolled: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [enrolment, setEnrolment] = useState<{ secret: string; qrSvg: string } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { code: '' } });

  const begin = async () => {
    setFailure(null);
    try {
      const started = await api.call('account.beginTotp', {});
      setEnrolment({ secret: started.secret, qrSvg: started.qrSvg });
    } catch (error) {
      setFailure(errorMessage(t, error));
    }
  };

  const confirm = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      await api.call('account.confirmTotp', { code: values.code });
      onEnrolled();
    } catch (error) {
      setFailure(applyServerError(error, form.setError, t, (path) => (path[0] === 'code' ? 'code' : null)));
    }
  });

  if (!enrolment) {
    return (
      <>
        <Typography color="text.secondary">{t('account.totpIntro')}</Typography>
        <FormError message={failure} />
        <Button variant="contained" sx={{ mt: 2 }} onClick={() => void begin()}>
          {t('account.totpStart')}
        </Button>
      </>
    );
  }
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={3}>
      <Box
        component="img"
        alt={t('account.totpQrAlt')}
        src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(enrolment.qrSvg)}`}
        sx={{ width: 200, height: 200, bgcolor: 'common.white', p: 1, border: 1, borderColor: 'divider', borderRadius: 1 }}
      />
      <Box sx={{ flex: 1 }}>
        <Typography>{t('account.totpScan')}</Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {t('account.totpManual')}
        </Typography>
        <Typography component="code" data-testid="totp-secret" sx={{ display: 'block', fontFamily: 'monospace', my: 1, wordSpacing: '0.2em' }}>
          {enrolment.secret.match(/.{1,4}/g)?.join(' ')}
        </Typography>
        <form onSubmit={confirm} noValidate>
          <FormTextField control={form.control} name="code" label={t('signIn.code')} autoComplete="one-time-code" />
          <FormError message={failure} />
          <SubmitButton submitting={form.formState.isSubmitting}>{t('account.totpConfirm')}</SubmitButton>
        </form>
      </Box>
    </Stack>
  );
}
