import AddOutlined from '@mui/icons-material/AddOutlined';
import Button from '@mui/material/Button';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { Assessment } from '../../../shared/contract/followup-records';
import { Panel } from '../cases/CaseOverview';
import type { CentreClock } from '../components/format';

/** Assessments: which instrument when, for the team; the score and notes for therapists only. */
export function AssessmentsPanel({
  assessments,
  clinicalHidden,
  mayWrite,
  clock,
  onRecord,
  onEdit,
}: {
  assessments: Assessment[];
  clinicalHidden: boolean;
  mayWrite: boolean;
  clock: CentreClock;
  onRecord: () => void;
  onEdit: (assessment: Assessment) => void;
}) {
  const { t } = useTranslation();
  const title = t('therapy.assessments.title');
  return (
    <Panel
      title={title}
      action={
        mayWrite && (
          <Button startIcon={<AddOutlined />} onClick={onRecord}>
            {t('therapy.assessments.record')}
          </Button>
        )
      }
    >
      {clinicalHidden && assessments.length > 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {t('therapy.assessments.scoresForTherapists')}
        </Typography>
      )}
      {assessments.length === 0 ? (
        <Typography color="text.secondary">{t('therapy.assessments.none')}</Typography>
      ) : (
        <Table size="small" aria-label={title}>
          <TableHead>
            <TableRow>
              <TableCell>{t('therapy.assessments.instrument')}</TableCell>
              <TableCell>{t('therapy.assessments.assessedOn')}</TableCell>
              {!clinicalHidden && <TableCell>{t('therapy.assessments.score')}</TableCell>}
              {!clinicalHidden && <TableCell>{t('therapy.assessments.notes')}</TableCell>}
              <TableCell>{t('therapy.assessments.by')}</TableCell>
              {mayWrite && <TableCell />}
            </TableRow>
          </TableHead>
          <TableBody>
            {assessments.map((a) => (
              <TableRow key={a.id}>
                <TableCell>{a.instrument}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{clock.day(a.assessedOn)}</TableCell>
                {!clinicalHidden && <TableCell sx={{ fontWeight: 600 }}>{a.score}</TableCell>}
                {!clinicalHidden && <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{a.notes || '—'}</TableCell>}
                <TableCell>{a.therapistName}</TableCell>
                {mayWrite && (
                  <TableCell align="right">
                    <Button size="small" onClick={() => onEdit(a)}>
                      {t('therapy.assessments.edit')}
                    </Button>
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Panel>
  );
}
