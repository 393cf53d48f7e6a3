import BlockOutlined from '@mui/icons-material/BlockOutlined';
import DownloadOutlined from '@mui/icons-material/DownloadOutlined';
import PictureAsPdfOutlined from '@mui/icons-material/PictureAsPdfOutlined';
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
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../shared/contract/case-records';
import type { IssuedDocument } from '../../../shared/contract/methods/documents';
import { mayUseProfile, type RedactionProfile } from '../../../shared/documents/profiles';
import { isGranted } from '../../../shared/permissions';
import { useApi, useSession } from '../api/context';
import { documentsKey } from '../api/queries';
import { Panel } from '../cases/CaseOverview';
import { useFormat } from '../components/format';
import { QueryState } from '../components/QueryState';
import { FormError } from '../forms/FormFeedback';
import { errorMessage } from '../i18n/messages';
import { savePdf } from '../meetings/minutes';
import { IssueDialog } from './IssueDialog';
import { WithdrawDialog } from './WithdrawDialog';
import { Sha256 } from '../components/Sha256';

const profileColours: Record<RedactionProfile, 'primary' | 'info' | 'warning'> = { court: 'primary', mdt: 'info', internal: 'warning' };

/** The documents issued for a case, and for those who may issue them: a new court summary, and each file again. */
export function CaseDocuments({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const api = useApi();
  const { session } = useSession();
  const [issuing, setIssuing] = useState(false);
  const mayIssue = isGranted('documents.issue', session.user.roles) && detail.view === 'full';
  const documents = useQuery({
    queryKey: documentsKey(detail.id),
    queryFn: () => api.call('documents.list', { caseId: detail.id }).then((answer) => answer.documents),
    // A summary prints the interview: an interviewer kept blind sees none of it.
    enabled: detail.view === 'full',
  });

  return (
    <Stack spacing={3}>
      <Panel
        title={t('documents.title')}
        action={
          mayIssue && (
            <Button variant="contained" startIcon={<PictureAsPdfOutlined />} onClick={() => setIssuing(true)}>
              {t('documents.issue')}
            </Button>
          )
        }
      >
        {detail.view === 'blind' ? (
          <Typography color="text.secondary">{t('documents.hidden')}</Typography>
        ) : (
          <>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
              {t('documents.intro')}
            </Typography>
            <QueryState query={documents}>
              {(rows) =>
                rows.length === 0 ? <Typography color="text.secondary">{t('documents.noneYet')}</Typography> : <DocumentTable rows={rows} mayDownload={mayIssue} />
              }
            </QueryState>
          </>
        )}
      </Panel>
      {issuing && <IssueDialog caseId={detail.id} onClose={() => setIssuing(false)} />}
    </Stack>
  );
}

function DocumentTable({ rows, mayDownload }: { rows: IssuedDocument[]; mayDownload: boolean }) {
  const { t } = useTranslation();
  const api = useApi();
  const { session } = useSession();
  const format = useFormat();
  const [busy, setBusy] = useState<number | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [withdrawing, setWithdrawing] = useState<IssuedDocument | null>(null);
  // The host lets the issuer or a coordinator withdraw a document, once.
  const mayWithdraw = (d: IssuedDocument) => d.withdrawal === null && (d.generatedById === session.user.id || session.user.roles.includes('coordinator'));
  const download = async (id: number) => {
    setBusy(id);
    setFailure(null);
    try {
      const answer = await api.call('documents.download', { documentId: id });
      savePdf(answer.pdf, answer.fileName);
    } catch (error) {
      setFailure(errorMessage(t, error));
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      {/* A narrow window scrolls the table rather than pushing the download button out of the panel. */}
      <Box sx={{ overflowX: 'auto' }}>
        <Table size="small" aria-label={t('documents.title')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('documents.number')}</TableCell>
              <TableCell>{t('documents.profile')}</TableCell>
              <TableCell>{`${t('documents.recipient')} · ${t('documents.purpose')}`}</TableCell>
              <TableCell>{t('documents.generated')}</TableCell>
              <TableCell align="right">{t('documents.pages')}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{t('documents.sha256')}</TableCell>
              {mayDownload && <TableCell />}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((d) => (
              <TableRow key={d.id} data-testid={`document-${d.number}`} sx={{ verticalAlign: 'top' }}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  <Typography variant="body2" component="div" sx={{ fontWeight: 600, fontFamily: 'monospace' }}>
                    {d.number}
                  </Typography>
                  <Typography variant="caption" component="div" color="text.secondary">
                    {t(`documents.kinds.${d.kind}`)}
                  </Typography>
                  {d.withdrawal && <Chip size="small" color="error" label={t('documents.withdrawn')} sx={{ mt: 0.5 }} data-testid="document-withdrawn" />}
                </TableCell>
                <TableCell>
                  {d.profile !== null && <Chip size="small" variant="outlined" color={profileColours[d.profile]} label={t(`documents.profiles.${d.profile}`)} />}
                  <Typography variant="caption" component="div" color="text.secondary" sx={{ mt: 0.5 }}>
                    {t(`languages.${d.language}`)}
                  </Typography>
                </TableCell>
                <TableCell sx={{ minWidth: 150 }}>
                  <Typography variant="body2" component="div" sx={{ fontWeight: 500 }}>
                    {d.recipient}
                  </Typography>
                  <Typography variant="caption" component="div" color="text.secondary" sx={{ whiteSpace: 'pre-wrap' }}>
                    {d.purpose}
                  </Typography>
                  {d.withdrawal && (
                    <Typography variant="caption" component="div" color="error" sx={{ mt: 0.5, whiteSpace: 'pre-wrap' }}>
                      {t('documents.withdrawnNote', { at: format.dateTime(d.withdrawal.at), name: d.withdrawal.by, reason: d.withdrawal.reason })}
                    </Typography>
                  )}
                </TableCell>
                <TableCell>
                  <Typography variant="body2" component="div" sx={{ whiteSpace: 'nowrap' }}>
                    {format.dateTime(d.generatedAt)}
                  </Typography>
                  <Typography variant="caption" component="div" color="text.secondary">
                    {t('documents.generatedBy', { name: d.generatedBy })}
                  </Typography>
                </TableCell>
                <TableCell align="right">{d.pages}</TableCell>
                <TableCell>
                  <Sha256 value={d.sha256} short testId="document-sha256" />
                </TableCell>
                {mayDownload && (
                  <TableCell align="right">
                    {/* The host hands an internal-profile document out again only to coordinators. */}
                    {(d.profile === null || mayUseProfile(d.profile, session.user.roles)) && (
                      <Button
                        size="small"
                        sx={{ whiteSpace: 'nowrap' }}
                        startIcon={<DownloadOutlined />}
                        disabled={busy !== null}
                        aria-label={t('documents.downloadOf', { number: d.number })}
                        onClick={() => void download(d.id)}
                      >
                        {t('documents.download')}
                      </Button>
                    )}
                    {mayWithdraw(d) && (
                      <Button
                        size="small"
                        color="error"
                        sx={{ whiteSpace: 'nowrap', display: 'flex', ml: 'auto' }}
                        startIcon={<BlockOutlined />}
                        disabled={busy !== null}
                        aria-label={t('documents.withdrawOf', { number: d.number })}
                        onClick={() => setWithdrawing(d)}
                      >
                        {t('documents.withdraw')}
                      </Button>
                    )}
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
      <FormError message={failure} />
      {withdrawing && <WithdrawDialog document={withdrawing} onClose={() => setWithdrawing(null)} />}
    </>
  );
}
