import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { disciplineSchema } from '../../../shared/contract';
import { mayWriteNote, noteDisciplines } from '../../../shared/permissions';
import { useApi, useSession } from '../api/context';
import { QueryState } from '../components/QueryState';
import { useFormat } from '../components/format';
import { FormError, Notice, SubmitButton } from '../forms/FormFeedback';
import { FormSelectField } from '../forms/FormSelectField';
import { FormTextField } from '../forms/FormTextField';
import { applyServerError } from '../forms/server-errors';

const schema = z.object({ discipline: disciplineSchema, text: z.string().trim().min(1).max(20_000) });

export function CaseNotes({ caseId }: { caseId: number }) {
  const { t } = useTranslation();
  const api = useApi();
  const { session } = useSession();
  const format = useFormat();
  const queryClient = useQueryClient();
  const notes = useQuery({ queryKey: ['cases', 'notes', caseId], queryFn: () => api.call('cases.listNotes', { caseId }) });
  const writable = noteDisciplines.filter((d) => mayWriteNote(d, session.user.roles));
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { discipline: writable[0] ?? 'general', text: '' } });
  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      await api.call('cases.addNote', { caseId, ...values });
      form.reset({ discipline: values.discipline, text: '' });
      await queryClient.invalidateQueries({ queryKey: ['cases', 'notes', caseId] });
    } catch (error) {
      setFailure(applyServerError(error, form.setError, t, (path) => (path[0] === 'text' ? 'text' : null)));
    }
  });
  return (
    <Stack spacing={3} sx={{ maxWidth: 880 }}>
      <QueryState query={notes}>
        {(result) =>
          result.hiddenUntilInterview ? (
            <Notice severity="info">{t('cases.notesHiddenBlind')}</Notice>
          ) : result.notes.length === 0 ? (
            <Typography color="text.secondary">{t('cases.noNotes')}</Typography>
          ) : (
            <List disablePadding>
              {result.notes.map((note) => (
                <ListItem key={note.id} disableGutters sx={{ display: 'block', borderBottom: 1, borderColor: 'divider', py: 1.5 }} data-testid="note">
                  <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 0.5 }}>
                    <Chip size="small" label={t(`disciplines.${note.discipline}`)} color={note.discipline === 'general' ? 'default' : 'secondary'} variant="outlined" />
                    <Typography variant="body2" color="text.secondary">
                      {note.author} · {format.dateTime(note.createdAt)}
                    </Typography>
                  </Stack>
                  {note.text === null ? (
                    <Typography variant="body2" color="text.secondary" sx={{ fontStyle: 'italic' }}>
                      {t('cases.noteHidden', { discipline: t(`disciplines.${note.discipline}`) })}
                    </Typography>
                  ) : (
                    <Typography sx={{ whiteSpace: 'pre-wrap' }}>{note.text}</Typography>
                  )}
                </ListItem>
              ))}
            </List>
          )
        }
      </QueryState>
      {writable.length > 0 && (
        <Paper variant="outlined" sx={{ p: 2 }}>
          <form onSubmit={submit} noValidate>
            <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
              {t('cases.addNote')}
            </Typography>
            {writable.length > 1 && (
              <FormSelectField control={form.control} name="discipline" label={t('cases.discipline')} options={writable.map((d) => ({ value: d, label: t(`disciplines.${d}`) }))} />
            )}
            <FormTextField control={form.control} name="text" label={t('cases.noteText')} multiline />
            <FormError message={failure} />
            <SubmitButton submitting={form.formState.isSubmitting}>{t('cases.addNote')}</SubmitButton>
          </form>
        </Paper>
      )}
    </Stack>
  );
}
