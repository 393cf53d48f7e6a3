import EditOutlined from '@mui/icons-material/EditOutlined';
import LockOutlined from '@mui/icons-material/LockOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { TreatmentPlan } from '../../../shared/contract/followup-records';
import { Field, Panel } from '../cases/CaseOverview';
import type { CentreClock } from '../components/format';

const goalColours = { open: 'primary', achieved: 'success', dropped: 'default' } as const;

/**
 * The treatment plan: the therapist's summary for the whole team, whether
 * therapy is closed, and (for therapists) the goals and the next review.
 */
export function PlanPanel({
  plan,
  clinicalHidden,
  mayWrite,
  clock,
  onEdit,
  onClose,
}: {
  plan: TreatmentPlan | null;
  clinicalHidden: boolean;
  mayWrite: boolean;
  clock: CentreClock;
  onEdit: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const today = clock.today();
  return (
    <Panel
      title={t('therapy.plan.title')}
      action={
        mayWrite && (
          <Stack direction="row" spacing={1}>
            <Button variant={plan ? 'text' : 'contained'} startIcon={<EditOutlined />} onClick={onEdit}>
              {plan ? t('therapy.plan.edit') : t('therapy.plan.start')}
            </Button>
            {plan && !plan.closure && (
              <Button color="error" onClick={onClose}>
                {t('therapy.closure.close')}
              </Button>
            )}
          </Stack>
        )
      }
    >
      {!plan ? (
        <Typography color="text.secondary">{t('therapy.plan.noPlan')}</Typography>
      ) : (
        <Stack spacing={2}>
          {plan.closure && (
            <Alert severity="info" data-testid="therapy-closure">
              {t('therapy.closure.closedLine', { date: clock.day(plan.closure.closedOn), by: plan.closure.by, reason: t(`therapy.closure.reasons.${plan.closure.reason}`) })}
              {plan.closure.note && <Box sx={{ whiteSpace: 'pre-wrap', mt: 0.5 }}>{plan.closure.note}</Box>}
              {mayWrite && <Box sx={{ mt: 0.5 }}>{t('therapy.closure.reopenHint')}</Box>}
            </Alert>
          )}
          <Field label={t('therapy.summary.title')}>
            {plan.sharedSummary ? (
              <Box sx={{ whiteSpace: 'pre-wrap' }} data-testid="shared-summary">
                {plan.sharedSummary}
              </Box>
            ) : (
              <Typography color="text.secondary">{t('therapy.summary.empty')}</Typography>
            )}
            <Typography variant="caption" color="text.secondary" component="div">
              {t('therapy.summary.updated', { by: plan.updatedBy, at: clock.dateTime(plan.updatedAt) })} · {t('therapy.plan.startedOn', { date: clock.day(plan.startedOn) })}
            </Typography>
          </Field>
          {clinicalHidden || plan.goalsHidden ? (
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', color: 'text.secondary' }}>
              <LockOutlined fontSize="small" />
              <Typography variant="body2" component="div">
                {t('therapy.plan.goalsHidden')}
              </Typography>
            </Stack>
          ) : (
            <>
              <Field label={t('therapy.plan.goals')}>
                {plan.goals.length === 0 ? (
                  <Typography color="text.secondary">{t('therapy.plan.noGoals')}</Typography>
                ) : (
                  <List dense disablePadding aria-label={t('therapy.plan.goals')}>
                    {plan.goals.map((g, i) => (
                      <ListItem key={i} disableGutters secondaryAction={<Chip size="small" color={goalColours[g.state]} variant="outlined" label={t(`therapy.plan.goalStates.${g.state}`)} />}>
                        <ListItemText primary={g.text} sx={{ pr: 12, textDecoration: g.state === 'dropped' ? 'line-through' : undefined }} />
                      </ListItem>
                    ))}
                  </List>
                )}
              </Field>
              <Field label={t('therapy.plan.reviewOn')}>
                {plan.reviewOn ? (
                  <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                    <span>{clock.day(plan.reviewOn)}</span>
                    {!plan.closure && plan.reviewOn < today && <Chip size="small" color="error" label={t('therapy.plan.reviewDue')} />}
                  </Stack>
                ) : (
                  <Typography color="text.secondary">{t('therapy.plan.noReview')}</Typography>
                )}
              </Field>
            </>
          )}
        </Stack>
      )}
    </Panel>
  );
}
