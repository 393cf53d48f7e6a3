import CheckCircle from '@mui/icons-material/CheckCircleOutlineOutlined';
import ErrorOutline from '@mui/icons-material/ErrorOutlineOutlined';
import PauseCircle from '@mui/icons-material/PauseCircleOutlineOutlined';
import Schedule from '@mui/icons-material/Schedule';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import { useTranslation } from 'react-i18next';
import { deadlineState } from '../../../shared/cases/deadlines';
import type { CaseDetail } from '../../../shared/contract/case-records';
import { useNow, useFormat } from '../components/format';
import { useDuration } from './labels';

/** The case's deadlines, counting down on the screen (the state is recomputed with the workstation's clock). */
export function Deadlines({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const now = useNow(15_000);
  const format = useFormat();
  const duration = useDuration();
  const closed = detail.status === 'closed';
  return (
    <List dense disablePadding aria-label={t('caseFile.deadlines')}>
      {detail.deadlines.map((d) => {
        const state = deadlineState(d.dueAt, d.doneAt, closed, now);
        const left = new Date(d.dueAt).getTime() - now.getTime();
        const status =
          state === 'met'
            ? t('caseFile.metOn', { date: format.dateTime(d.doneAt) })
            : state === 'met_late'
              ? t('caseFile.metLate', { date: format.dateTime(d.doneAt) })
              : state === 'stopped'
                ? t('caseFile.stopped')
                : state === 'overdue'
                  ? t('caseFile.overdueBy', { time: duration(-left) })
                  : t('caseFile.dueIn', { time: duration(left) });
        const icon =
          state === 'met' || state === 'met_late' ? (
            <CheckCircle color={state === 'met' ? 'success' : 'warning'} />
          ) : state === 'overdue' ? (
            <ErrorOutline color="error" />
          ) : state === 'stopped' ? (
            <PauseCircle color="disabled" />
          ) : (
            <Schedule color={state === 'due_soon' ? 'warning' : 'action'} />
          );
        return (
          <ListItem key={d.milestone} disableGutters data-testid={`deadline-${d.milestone}`} data-state={state}>
            <ListItemIcon sx={{ minWidth: 36 }}>{icon}</ListItemIcon>
            <ListItemText
              primary={t(`categories.milestone.${d.milestone}`)}
              secondary={`${status} · ${t('caseFile.dueOn', { date: format.dateTime(d.dueAt) })}`}
              slotProps={{ secondary: { color: state === 'overdue' ? 'error' : 'text.secondary' } }}
            />
          </ListItem>
        );
      })}
    </List>
  );
}
