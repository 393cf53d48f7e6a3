import AddOutlined from '@mui/icons-material/AddOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MedicalExam, MedicalFollowup } from '../../../shared/contract/followup-records';
import type { CentreClock } from '../components/format';
import { FollowupDialog } from './FollowupDialog';

/** A need is overdue once its due day has ended on the centre's clock with no result in. */
const isOverdue = (f: MedicalFollowup, today: string) => f.doneOn === null && f.dueDate < today;

/** The follow-up needs of a held examination, for medical staff: each with its due date and result. */
export function FollowupTable({ exam, clock, mayWrite }: { exam: MedicalExam; clock: CentreClock; mayWrite: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<{ followup: MedicalFollowup | null; mode: 'edit' | 'result' } | null>(null);
  const today = clock.today();
  const title = t('medical.followups.title');
  return (
    <Box sx={{ mt: 2 }}>
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center' }}>
        <Typography variant="subtitle1" component="h4">
          {title}
        </Typography>
        {mayWrite && (
          <Button size="small" startIcon={<AddOutlined />} onClick={() => setEditing({ followup: null, mode: 'edit' })}>
            {t('medical.followups.add')}
          </Button>
        )}
      </Stack>
      {exam.followups.length === 0 ? (
        <Typography color="text.secondary">{t('medical.followups.none')}</Typography>
      ) : (
        <Table size="small" aria-label={title}>
          <TableHead>
            <TableRow>
              <TableCell>{t('medical.followups.kind')}</TableCell>
              <TableCell>{t('medical.followups.description')}</TableCell>
              <TableCell>{t('medical.followups.dueDate')}</TableCell>
              <TableCell>{t('medical.followups.result')}</TableCell>
              <TableCell>{t('medical.followups.doneOn')}</TableCell>
              {mayWrite && <TableCell />}
            </TableRow>
          </TableHead>
          <TableBody>
            {exam.followups.map((f) => {
              const overdue = isOverdue(f, today);
              return (
                <TableRow key={f.id} data-overdue={overdue}>
                  <TableCell>{t(`medical.followups.kinds.${f.kind}`)}</TableCell>
                  <TableCell>{f.description}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap', color: overdue ? 'error.main' : undefined, fontWeight: overdue ? 600 : undefined }}>
                    {clock.day(f.dueDate)}
                    {overdue && <Chip size="small" color="error" sx={{ ml: 1 }} label={t('medical.followups.overdue')} />}
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{f.result || '—'}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{clock.day(f.doneOn) || '—'}</TableCell>
                  {mayWrite && (
                    <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                      {f.doneOn === null && (
                        <Button size="small" variant="outlined" onClick={() => setEditing({ followup: f, mode: 'result' })}>
                          {t('medical.followups.recordResult')}
                        </Button>
                      )}
                      <Button size="small" onClick={() => setEditing({ followup: f, mode: 'edit' })}>
                        {t('medical.followups.edit')}
                      </Button>
                    </TableCell>
                  )}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      {editing && <FollowupDialog examId={exam.id} existing={editing.followup} mode={editing.mode} today={today} onClose={() => setEditing(null)} />}
    </Box>
  );
}
