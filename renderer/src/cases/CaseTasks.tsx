import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, CaseTask } from '../../../shared/contract/case-records';
import { ApiError } from '../../../shared/contract';
import { isGranted } from '../../../shared/permissions';
import { useApi, useSession } from '../api/context';
import { useFormat } from '../components/format';
import { FormError } from '../forms/FormFeedback';
import { errorMessage, issueMessage } from '../i18n/messages';

function ResolveDialog({ caseId, task, resolution, onClose }: { caseId: number; task: CaseTask; resolution: 'done' | 'dismissed'; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [noteError, setNoteError] = useState<string | null>(null);
  const save = async () => {
    setFailure(null);
    setNoteError(null);
    try {
      await api.call('cases.resolveTask', { caseId, taskId: task.id, resolution, note });
      await queryClient.invalidateQueries({ queryKey: ['cases'] });
      onClose();
    } catch (error) {
      const issue = error instanceof ApiError ? error.issues.find((i) => i.path[0] === 'note') : undefined;
      if (issue) setNoteError(issueMessage(t, issue));
      else setFailure(errorMessage(t, error));
    }
  };
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="task-title">
      <DialogTitle id="task-title">{t(`categories.task.${task.kind}`)}</DialogTitle>
      <DialogContent>
        <TextField
          label={resolution === 'dismissed' ? t('caseFile.dismissNote') : t('caseFile.resolveNote')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          error={Boolean(noteError)}
          helperText={noteError}
          multiline
          minRows={2}
          fullWidth
          margin="normal"
          autoFocus
        />
        <FormError message={failure} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button variant="contained" onClick={() => void save()}>
          {resolution === 'done' ? t('caseFile.taskDone') : t('caseFile.dismiss')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

export function CaseTasks({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const format = useFormat();
  const [resolving, setResolving] = useState<{ task: CaseTask; resolution: 'done' | 'dismissed' } | null>(null);
  const mayResolve = isGranted('cases.tasks', session.user.roles);
  if (detail.tasks.length === 0) return <Typography color="text.secondary">{t('caseFile.noTasks')}</Typography>;
  return (
    <>
      <List dense disablePadding aria-label={t('caseFile.tasks')}>
        {detail.tasks.map((task) => (
          <ListItem
            key={task.id}
            disableGutters
            secondaryAction={
              task.state === 'open' &&
              mayResolve && (
                <Stack direction="row" spacing={1}>
                  <Button size="small" variant="outlined" onClick={() => setResolving({ task, resolution: 'done' })}>
                    {t('caseFile.taskDone')}
                  </Button>
                  <Button size="small" onClick={() => setResolving({ task, resolution: 'dismissed' })}>
                    {t('caseFile.dismiss')}
                  </Button>
                </Stack>
              )
            }
          >
            <ListItemText
              primary={t(`categories.task.${task.kind}`)}
              secondary={
                task.state === 'open'
                  ? t('caseFile.dueOn', { date: format.dateTime(task.dueAt) })
                  : `${t('caseFile.taskResolved', { state: t(`categories.taskState.${task.state}`), name: task.resolvedBy ?? '', date: format.dateTime(task.resolvedAt) })}${task.note ? ` — ${task.note}` : ''}`
              }
              slotProps={{ secondary: { color: task.state === 'open' && task.dueAt < new Date().toISOString() ? 'error' : 'text.secondary' } }}
            />
          </ListItem>
        ))}
      </List>
      {resolving && <ResolveDialog caseId={detail.id} task={resolving.task} resolution={resolving.resolution} onClose={() => setResolving(null)} />}
    </>
  );
}
