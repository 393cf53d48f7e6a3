import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Controller, useForm, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { checkMessages } from '../../../shared/contract/fields';
import type { IssuedDocument } from '../../../shared/contract/methods/documents';
import { documentLanguages, mayUseProfile, redactionProfiles } from '../../../shared/documents/profiles';
import { useApi, useSession } from '../api/context';
import { documentsKey } from '../api/queries';
import { FormDialog } from '../components/FormDialog';
import { FormTextField } from '../forms/FormTextField';
import { applyServerError } from '../forms/server-errors';
import { currentLanguage } from '../i18n';
import { validationMessage } from '../i18n/messages';
import { Sha256 } from '../components/Sha256';
import { savePdf } from '../meetings/minutes';
import { useProfileLine } from './profile-words';

const issueForm = z.object({
  profile: z.enum(redactionProfiles, { message: checkMessages.invalidChoice }),
  language: z.enum(documentLanguages, { message: checkMessages.invalidChoice }),
  recipient: z.string().trim().min(1, { message: checkMessages.blank }).max(200),
  purpose: z.string().trim().min(1, { message: checkMessages.blank }).max(500),
});
type IssueForm = z.infer<typeof issueForm>;
const formFields = ['profile', 'language', 'recipient', 'purpose'] as const;

/**
 * Issue the court summary of a case: which redaction profile, which language,
 * for whom and why. The PDF downloads as soon as the host has made it; the
 * dialog then shows its number and SHA-256.
 */
export function IssueDialog({ caseId, onClose }: { caseId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { session } = useSession();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const [issued, setIssued] = useState<{ document: IssuedDocument; fileName: string } | null>(null);
  const profiles = redactionProfiles.filter((p) => mayUseProfile(p, session.user.roles));
  const form = useForm<IssueForm>({
    resolver: zodResolver(issueForm),
    defaultValues: { profile: 'court', language: currentLanguage(), recipient: '', purpose: '' },
  });

  const submit = form.handleSubmit(async (v) => {
    setFailure(null);
    try {
      const answer = await api.call('documents.courtSummary', { caseId, ...v });
      savePdf(answer.pdf, answer.fileName);
      setIssued({ document: answer.document, fileName: answer.fileName });
      await Promise.all([queryClient.invalidateQueries({ queryKey: documentsKey(caseId) }), queryClient.invalidateQueries({ queryKey: ['cases', 'timeline', caseId] })]);
    } catch (error) {
      setFailure(applyServerError(error, form.setError, t, (path) => formFields.find((f) => f === path[0]) ?? null));
    }
  });

  if (issued) return <IssuedNotice issued={issued.document} fileName={issued.fileName} onClose={onClose} />;
  return (
    <FormDialog
      title={t('documents.dialog.title')}
      onClose={onClose}
      onSubmit={submit}
      submitting={form.formState.isSubmitting}
      failure={failure}
      submitLabel={form.formState.isSubmitting ? t('documents.dialog.issuing') : t('documents.dialog.submit')}
      maxWidth="md"
    >
      <Typography variant="body2" color="text.secondary">
        {t('documents.dialog.intro')}
      </Typography>
      <ProfileField control={form.control} profiles={profiles} />
      <Controller
        control={form.control}
        name="language"
        render={({ field, fieldState }) => (
          <FormControl component="fieldset" error={Boolean(fieldState.error)} margin="normal" fullWidth>
            <FormLabel component="legend">{t('documents.dialog.language')}</FormLabel>
            <RadioGroup row name={field.name} value={field.value} onChange={(e) => field.onChange(e.target.value)}>
              {documentLanguages.map((l) => (
                <FormControlLabel key={l} value={l} control={<Radio />} label={t(`languages.${l}`)} />
              ))}
            </RadioGroup>
            {fieldState.error && <FormHelperText>{validationMessage(t, fieldState.error.message)}</FormHelperText>}
          </FormControl>
        )}
      />
      <FormTextField control={form.control} name="recipient" label={t('documents.dialog.recipient')} helperText={t('documents.dialog.recipientHint')} />
      <FormTextField control={form.control} name="purpose" label={t('documents.dialog.purpose')} helperText={t('documents.dialog.purposeHint')} />
    </FormDialog>
  );
}

/** The profiles as cards: the name, whom it is for, and one line on what goes in and what stays out. */
function ProfileField({ control, profiles }: { control: Control<IssueForm>; profiles: readonly IssueForm['profile'][] }) {
  const { t } = useTranslation();
  const line = useProfileLine();
  return (
    <Controller
      control={control}
      name="profile"
      render={({ field, fieldState }) => (
        <FormControl component="fieldset" error={Boolean(fieldState.error)} margin="normal" fullWidth>
          <FormLabel component="legend" sx={{ mb: 1 }}>
            {t('documents.dialog.profile')}
          </FormLabel>
          <RadioGroup name={field.name} value={field.value} onChange={(e) => field.onChange(e.target.value)} sx={{ gap: 1 }}>
            {profiles.map((p) => (
              <FormControlLabel
                key={p}
                value={p}
                control={<Radio sx={{ mt: -0.5 }} />}
                sx={{
                  m: 0,
                  p: 1.5,
                  alignItems: 'flex-start',
                  border: 1,
                  borderRadius: 1,
                  borderColor: field.value === p ? 'primary.main' : 'divider',
                  bgcolor: field.value === p ? 'action.selected' : 'transparent',
                }}
                label={
                  <Box data-testid={`profile-${p}`}>
                    <Typography sx={{ fontWeight: 600 }}>
                      {t(`documents.profiles.${p}`)}
                      <Typography component="span" variant="body2" color="text.secondary" sx={{ ml: 1 }}>
                        {t(`documents.profileUse.${p}`)}
                      </Typography>
                    </Typography>
                    <Typography variant="body2" color="text.secondary">
                      {line(p)}
                    </Typography>
                  </Box>
                }
              />
            ))}
          </RadioGroup>
          {fieldState.error && <FormHelperText>{validationMessage(t, fieldState.error.message)}</FormHelperText>}
        </FormControl>
      )}
    />
  );
}

function IssuedNotice({ issued, fileName, onClose }: { issued: IssuedDocument; fileName: string; onClose: () => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby={titleId}>
      <DialogTitle id={titleId}>{t('documents.dialog.doneTitle')}</DialogTitle>
      <DialogContent>
        <Alert severity="success" role="status" data-testid="issued-notice">
          {t('documents.dialog.done', { number: issued.number, file: fileName })}
        </Alert>
        <Typography variant="body2" sx={{ mt: 2, mb: 0.5 }}>
          {t('documents.dialog.doneSha')}
        </Typography>
        <Sha256 value={issued.sha256} testId="issued-sha256" />
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={onClose}>
          {t('documents.dialog.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
