import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import { useTranslation } from 'react-i18next';
import type { AuditVerdict as Verdict, CheckpointReason } from '../../../shared/contract/methods/audit';
import { useFormat } from '../components/format';

/** A hash shortened for a sentence: enough to tell two apart at a glance; the full ones are in the anchor file. */
const short = (hash: string) => `${hash.slice(0, 8)}…${hash.slice(-4)}`;

/**
 * What `audit.verify` found: the chain walk, then every checkpoint it was
 * compared with and, when one disagrees, which (its time on the centre's
 * clock, its entry, the head it recorded and the one the log has now).
 */
export function AuditVerdict({ verdict }: { verdict: Verdict }) {
  const { t } = useTranslation();
  const clock = useFormat();
  const { checkpoints, printed } = verdict;
  const reason = (r: CheckpointReason) => t(`auditAnchor.reasons.${r}`);
  const problems: string[] = [];
  if (verdict.firstBroken !== undefined) problems.push(t('audit.verifyBroken', { id: verdict.firstBroken }));
  const first = checkpoints.firstDisagreeing;
  if (first) {
    const values = { at: clock.dateTime(first.at), reason: reason(first.reason), entry: first.entry, expected: short(first.expected), found: first.found ? short(first.found) : '' };
    problems.push(first.found ? t('auditAnchor.rewritten', values) : t('auditAnchor.cutShort', values));
    if (checkpoints.disagreeing > 1) problems.push(t('auditAnchor.disagreeing', { count: checkpoints.disagreeing, total: checkpoints.compared }));
  }
  if (checkpoints.anchorFile === 'damaged') problems.push(t('auditAnchor.fileDamaged', { line: checkpoints.damagedLine ?? 1 }));
  if (printed && !printed.agrees) {
    problems.push(printed.found ? t('auditAnchor.printedDiffers', { entry: printed.entry, found: short(printed.found) }) : t('auditAnchor.printedBeyond', { entry: printed.entry }));
  }

  return (
    <Stack spacing={1} sx={{ mb: 2 }} data-testid="audit-verdict">
      {problems.length > 0 ? (
        <Alert severity="error" role="alert">
          {problems.map((line) => (
            <div key={line}>{line}</div>
          ))}
          <div>{t('auditAnchor.report')}</div>
        </Alert>
      ) : (
        <Alert severity="success" role="status">
          <div>{t('audit.verifyOk', { count: verdict.entries })}</div>
          {checkpoints.latest && (
            <div>
              {t('auditAnchor.agrees', { count: checkpoints.compared, entry: checkpoints.latest.entry, at: clock.dateTime(checkpoints.latest.at), reason: reason(checkpoints.latest.reason) })}
            </div>
          )}
          {printed && <div>{t('auditAnchor.printedAgrees', { entry: printed.entry })}</div>}
        </Alert>
      )}
      {checkpoints.anchorFile === 'none' && !printed && <Alert severity="warning">{t('auditAnchor.noCheckpoints')}</Alert>}
    </Stack>
  );
}
