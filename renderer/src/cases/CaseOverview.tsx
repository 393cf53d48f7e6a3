import EditIcon from '@mui/icons-material/EditOutlined';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Grid from '@mui/material/Grid';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { agencyFiles } from '../../../shared/cases/categories';
import type { CaseDetail, CaseFields } from '../../../shared/contract/case-records';
import { isGranted } from '../../../shared/permissions';
import { useApi, useSession } from '../api/context';
import { useFormat } from '../components/format';
import { FormError, Notice } from '../forms/FormFeedback';
import { errorMessage } from '../i18n/messages';
import { CaseFieldsDialog } from './CaseFieldsDialog';
import { CaseStatus } from './CaseStatus';
import { CaseTasks } from './CaseTasks';
import { Deadlines } from './Deadlines';
import { LegalHold } from './LegalHold';
import { DoNotInform, hasInformRisks } from './DoNotInform';
import { useCategory } from './labels';

export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Typography variant="overline" color="text.secondary" component="div">
        {label}
      </Typography>
      <Typography component="div">{children}</Typography>
    </div>
  );
}

export function Panel({ title, action, children }: { title: string; action?: ReactNode; children: ReactNode }) {
  return (
    <Paper variant="outlined" component="section" aria-label={title} sx={{ p: 3 }}>
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', mb: 1 }}>
        <Typography variant="h6" component="h2">
          {title}
        </Typography>
        {action}
      </Stack>
      {children}
    </Paper>
  );
}

const referralFields = ['receivedAt', 'source', 'referrerName', 'referrerContact', 'urgency', 'reported', 'violenceTypes', 'place', 'perpetrator'] as const;

export function CaseOverview({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const api = useApi();
  const { session } = useSession();
  const format = useFormat();
  const category = useCategory();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ fields: readonly (keyof CaseFields)[]; title: string } | null>(null);
  const mayEdit = isGranted('cases.update', session.user.roles) && detail.fields !== null;
  const f = detail.fields;
  const markDone = async () => {
    setFailure(null);
    try {
      await api.call('cases.markInterviewDone', { caseId: detail.id });
      await queryClient.invalidateQueries({ queryKey: ['cases'] });
    } catch (error) {
      setFailure(errorMessage(t, error));
    }
  };
  const edit = (fields: readonly (keyof CaseFields)[], title: string) =>
    mayEdit && (
      <Button size="small" startIcon={<EditIcon />} onClick={() => setEditing({ fields, title })}>
        {title}
      </Button>
    );
  return (
    <Grid container spacing={3} sx={{ maxWidth: 1200 }}>
      {hasInformRisks(detail) && (
        <Grid size={12}>
          <DoNotInform detail={detail} />
        </Grid>
      )}
      {(detail.legalHold || isGranted('cases.legalHold', session.user.roles)) && (
        <Grid size={12}>
          <LegalHold detail={detail} />
        </Grid>
      )}
      <Grid size={12}>
        <Panel title={t('caseFile.statusTitle')}>
          <CaseStatus detail={detail} />
        </Panel>
      </Grid>
      <Grid size={{ xs: 12, md: 7 }}>
        <Stack spacing={3}>
          <Panel title={t('caseFile.referral')} action={edit(referralFields, t('caseFile.editReferral'))}>
            {f === null ? (
              <Notice severity="info">{t('cases.blindSummary')}</Notice>
            ) : (
              <Grid container spacing={2}>
                <Grid size={6}>
                  <Field label={t('intake.receivedAt')}>{format.dateTime(f.receivedAt)}</Field>
                </Grid>
                <Grid size={6}>
                  <Field label={t('intake.urgency')}>
                    <Chip size="small" color={f.urgency === 'emergency' ? 'error' : f.urgency === 'urgent' ? 'warning' : 'default'} label={category('urgency', f.urgency)} />
                  </Field>
                </Grid>
                <Grid size={6}>
                  <Field label={t('intake.source')}>{category('source', f.source)}</Field>
                </Grid>
                <Grid size={6}>
                  <Field label={t('intake.referrerName')}>
                    {[f.referrerName, f.referrerContact].filter(Boolean).join(' · ') || t('caseFile.none')}
                  </Field>
                </Grid>
                <Grid size={12}>
                  <Field label={t('intake.reported')}>
                    <Typography sx={{ whiteSpace: 'pre-wrap' }}>{f.reported || t('caseFile.none')}</Typography>
                  </Field>
                </Grid>
                <Grid size={12}>
                  <Field label={t('intake.violenceTypes')}>
                    {f.violenceTypes.length ? (
                      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5 }}>
                        {f.violenceTypes.map((v) => (
                          <Chip key={v} size="small" label={category('violence', v)} />
                        ))}
                      </Stack>
                    ) : (
                      t('caseFile.none')
                    )}
                  </Field>
                </Grid>
                <Grid size={6}>
                  <Field label={t('intake.place')}>{category('place', f.place)}</Field>
                </Grid>
                <Grid size={6}>
                  <Field label={t('intake.perpetrator')}>{category('perpetrator', f.perpetrator)}</Field>
                </Grid>
              </Grid>
            )}
          </Panel>
          {f !== null && (
            <Panel title={t('caseFile.trafficking')} action={edit(['trafficking'], t('caseFile.editTrafficking'))}>
              {f.trafficking.length ? (
                <ul style={{ margin: 0 }}>
                  {f.trafficking.map((i) => (
                    <li key={i}>{category('indicator', i)}</li>
                  ))}
                </ul>
              ) : (
                <Typography color="text.secondary">{t('caseFile.noIndicators')}</Typography>
              )}
            </Panel>
          )}
        </Stack>
      </Grid>
      <Grid size={{ xs: 12, md: 5 }}>
        <Stack spacing={3}>
          <Panel title={t('caseFile.deadlines')}>
            <Deadlines detail={detail} />
          </Panel>
          <Panel title={t('caseFile.tasks')}>
            <CaseTasks detail={detail} />
          </Panel>
          <Panel title={t('caseFile.fileNumbers')} action={edit(agencyFiles, t('caseFile.editFileNumbers'))}>
            <Grid container spacing={1}>
              {agencyFiles.map((file) => (
                <Grid key={file} size={6}>
                  <Field label={t(`categories.file.${file}`)}>{detail.fileNumbers[file] || t('caseFile.none')}</Field>
                </Grid>
              ))}
            </Grid>
          </Panel>
          <Panel title={t('cases.interview')}>
            <Typography>{detail.interviewDoneAt ? format.dateTime(detail.interviewDoneAt) : t('cases.interviewNotYet')}</Typography>
            {!detail.interviewDoneAt && isGranted('cases.interview', session.user.roles) && (
              <Button variant="outlined" sx={{ mt: 1 }} onClick={() => void markDone()}>
                {t('cases.markInterviewDone')}
              </Button>
            )}
            <FormError message={failure} />
          </Panel>
        </Stack>
      </Grid>
      {editing && <CaseFieldsDialog detail={detail} fields={editing.fields} title={editing.title} onClose={() => setEditing(null)} />}
    </Grid>
  );
}
