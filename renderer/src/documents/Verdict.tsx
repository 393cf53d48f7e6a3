import GppBadOutlined from '@mui/icons-material/GppBadOutlined';
import GppGoodOutlined from '@mui/icons-material/GppGoodOutlined';
import GppMaybeOutlined from '@mui/icons-material/GppMaybeOutlined';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { MethodOutput } from '../../../shared/contract';
import type { IssuedDocument } from '../../../shared/contract/methods/documents';
import { useFormat } from '../components/format';
import { Sha256 } from '../components/Sha256';

type Answer = MethodOutput<'documents.verify'>;

/** The host's answer about a file, in words a clerk at a counter can act on: green, red (altered or withdrawn), or amber. */
export function Verdict({ answer, claimedNumber }: { answer: Answer; claimedNumber: string | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const number = answer.document?.number ?? claimedNumber ?? '';
  if (answer.verdict === 'issued') {
    return (
      <Alert severity="success" icon={<GppGoodOutlined fontSize="large" />} data-testid="verdict" data-verdict="issued" sx={{ alignItems: 'flex-start' }}>
        <AlertTitle sx={{ fontSize: '1.15rem', fontWeight: 600 }}>{t('documents.verify.issued', { number })}</AlertTitle>
        <Typography variant="body2">{t('documents.verify.issuedBody')}</Typography>
        {answer.details ? <Details document={answer.details} /> : <Reduced generatedAt={answer.document?.generatedAt} />}
      </Alert>
    );
  }
  if (answer.verdict === 'withdrawn') {
    return (
      <Alert severity="error" icon={<GppBadOutlined fontSize="large" />} data-testid="verdict" data-verdict="withdrawn" sx={{ alignItems: 'flex-start' }}>
        <AlertTitle sx={{ fontSize: '1.15rem', fontWeight: 600 }}>
          {t('documents.verify.withdrawn', { number, date: format.date(answer.document?.withdrawnAt) })}
        </AlertTitle>
        <Typography variant="body2">{t('documents.verify.withdrawnBody')}</Typography>
        {answer.details?.withdrawal && (
          <Typography variant="body2" sx={{ mt: 1, fontWeight: 500, whiteSpace: 'pre-wrap' }}>
            {t('documents.verify.withdrawnReason', { reason: answer.details.withdrawal.reason })}
          </Typography>
        )}
        {answer.details ? <Details document={answer.details} /> : <Reduced generatedAt={answer.document?.generatedAt} />}
      </Alert>
    );
  }
  if (answer.verdict === 'altered') {
    return (
      <Alert severity="error" variant="filled" icon={<GppBadOutlined fontSize="large" />} data-testid="verdict" data-verdict="altered" sx={{ alignItems: 'flex-start' }}>
        <AlertTitle sx={{ fontSize: '1.15rem', fontWeight: 600 }}>
          {t('documents.verify.altered', { number, date: format.date(answer.document?.generatedAt) })}
        </AlertTitle>
        <Typography variant="body2">{t('documents.verify.alteredBody')}</Typography>
        {answer.document?.withdrawnAt && (
          <Typography variant="body2" sx={{ mt: 1, fontWeight: 500 }}>
            {t('documents.verify.claimWithdrawn', { date: format.date(answer.document.withdrawnAt) })}
          </Typography>
        )}
        {answer.details && <Details document={answer.details} onDark />}
      </Alert>
    );
  }
  return (
    <Alert severity="warning" icon={<GppMaybeOutlined fontSize="large" />} data-testid="verdict" data-verdict="unknown" sx={{ alignItems: 'flex-start' }}>
      <AlertTitle sx={{ fontSize: '1.15rem', fontWeight: 600 }}>{t('documents.verify.unknown')}</AlertTitle>
      <Typography variant="body2">{t('documents.verify.unknownBody')}</Typography>
      {claimedNumber && <Typography variant="body2">{t('documents.verify.unknownClaim', { number: claimedNumber })}</Typography>}
    </Alert>
  );
}

/** For a caller who may not see the document's case: its issue date, and why nothing more is shown. */
function Reduced({ generatedAt }: { generatedAt: string | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Box data-testid="verdict-reduced" sx={{ mt: 1 }}>
      {generatedAt && <Typography variant="body2">{t('documents.verify.issuedOn', { date: format.date(generatedAt) })}</Typography>}
      <Typography variant="body2" color="text.secondary">
        {t('documents.verify.detailsHidden')}
      </Typography>
    </Box>
  );
}

/** The record of the document as the centre issued it. */
function Details({ document: d, onDark = false }: { document: IssuedDocument; onDark?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  // Minutes belong to a meeting and carry no profile, recipient or purpose: only what the record has is shown.
  const rows: ([string, ReactNode] | null)[] = [
    [t('documents.number'), <strong key="n">{d.number}</strong>],
    [t('documents.verify.kind'), t(`documents.kinds.${d.kind}`)],
    d.caseReference === null ? null : [t('documents.verify.caseReference'), d.caseReference],
    d.meetingId === null
      ? null
      : [
          t('documents.verify.meeting'),
          <Link key="m" component={RouterLink} to={`/meetings/${d.meetingId}`} data-testid="verdict-meeting">
            {t('documents.verify.meetingNo', { id: d.meetingId })}
          </Link>,
        ],
    d.profile === null ? null : [t('documents.profile'), t(`documents.profiles.${d.profile}`)],
    [t('documents.language'), t(`languages.${d.language}`)],
    d.recipient === '' ? null : [t('documents.recipient'), d.recipient],
    d.purpose === '' ? null : [t('documents.purpose'), d.purpose],
    [t('documents.verify.generated'), t('documents.verify.generatedAt', { at: format.dateTime(d.generatedAt), name: d.generatedBy })],
    [t('documents.verify.pages'), String(d.pages)],
    d.withdrawal === null
      ? null
      : [t('documents.verify.withdrawal'), t('documents.verify.withdrawalAt', { at: format.dateTime(d.withdrawal.at), name: d.withdrawal.by, reason: d.withdrawal.reason })],
    [t('documents.verify.issuedSha'), <Sha256 key="s" value={d.sha256} testId="issued-sha256" />],
  ];
  return (
    <Box sx={{ mt: 2 }}>
      <Typography variant="subtitle2" component="h3" sx={{ mb: 1 }}>
        {t('documents.verify.issuedRecord')}
      </Typography>
      <Box
        component="dl"
        data-testid="verdict-details"
        sx={{
          display: 'grid',
          gridTemplateColumns: { xs: '1fr', sm: 'max-content 1fr' },
          columnGap: 3,
          rowGap: 0.75,
          m: 0,
          p: 1.5,
          borderRadius: 1,
          // On the red verdict the record sits on a light card, so the SHA-256 stays legible.
          bgcolor: onDark ? 'background.paper' : 'transparent',
          color: 'text.primary',
          '& dt': { color: 'text.secondary', fontSize: 14 },
          '& dd': { m: 0, fontSize: 14, minWidth: 0, overflowWrap: 'anywhere' },
        }}
      >
        {rows.filter((row) => row !== null).map(([label, value]) => (
          <Box key={label} sx={{ display: 'contents' }}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </Box>
        ))}
      </Box>
    </Box>
  );
}
