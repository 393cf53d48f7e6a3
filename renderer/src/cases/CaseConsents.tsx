import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { consentDecisions, consentScopes } from '../../../shared/cases/categories';
import type { CaseDetail, Consent } from '../../../shared/contract/case-records';
import { checkMessages } from '../../../shared/contract/fields';
import { isGranted } from '../../../shared/permissions';
import { FormDialog } from '../components/FormDialog';
import { useApi, useSession } from '../api/context';
import { fromLocalInput, toLocalInput, useFormat } from '../components/format';
import { FormDateField } from '../forms/FormDateField';
import { FormSelectField } from '../forms/FormSelectField';
import { FormTextField } from '../forms/FormTextField';
import { applyServerError } from '../forms/server-errors';
import { pastMomentField } from './intake-form';
import { categoryOptions, useCategory } from './labels';
import { Panel } from './CaseOverview';

const consentForm = z.object({
  scope: z.enum(consentScopes, { message: checkMessages.invalidChoice }),
  decision: z.enum(consentDecisions, { message: checkMessages.invalidChoice }),
  by: z.string().min(1, { message: checkMessages.invalidChoice }),
  at: pastMomentField,
  note: z.string().trim().max(2_000),
});
type ConsentForm = z.infer<typeof consentForm>;
const withdrawForm = z.object({ at: pastMomentField, note: z.string().trim().max(2_000) });
type WithdrawForm = z.infer<typeof withdrawForm>;

function RecordDialog({ detail, onClose }: { detail: CaseDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<ConsentForm>({
    resolver: zodResolver(consentForm),
    defaultValues: { scope: 'information_sharing', decision: 'given', by: 'child', at: toLocalInput(new Date()), note: '' },
  });
  const submit = form.handleSubmit(async (v) => {
    setFailure(null);
    try {
      await api.call('cases.recordConsent', {
        caseId: detail.id,
        scope: v.scope,
        decision: v.decision,
        personId: v.by === 'child' ? null : Number(v.by),
        at: fromLocalInput(v.at),
        note: v.note,
      });
      await queryClient.invalidateQueries({ queryKey: ['cases'] });
      onClose();
    } catch (error) {
      setFailure(applyServerError(error, form.setError, t, (path) => (path[0] === 'personId' ? 'by' : ((['scope', 'decision', 'at', 'note'] as const).find((f) => f === path[0]) ?? null))));
    }
  });
  const by = [
    { value: 'child', label: `${t('caseFile.consentChild')} (${detail.child.firstName} ${detail.child.lastName})` },
    ...detail.people.map((p) => {
      const name = `${p.person.firstName} ${p.person.lastName} (${t(`categories.relationship.${p.relationship}`)})`;
      // Still listed, so the screen explains the refusal rather than hiding the person.
      return { value: String(p.person.id), label: p.allegedPerpetrator ? t('childSafety.perpetratorCannotConsent', { name }) : name };
    }),
  ];
  return (
    <FormDialog title={t('caseFile.recordConsent')} onClose={onClose} onSubmit={submit} submitting={form.formState.isSubmitting} failure={failure} maxWidth="sm">
      <FormSelectField control={form.control} name="scope" label={t('caseFile.consentScope')} options={categoryOptions(t, 'consentScope', consentScopes)} />
      <FormSelectField control={form.control} name="decision" label={t('caseFile.consentDecision')} options={categoryOptions(t, 'consentDecision', consentDecisions)} />
      <FormSelectField control={form.control} name="by" label={t('caseFile.consentBy')} options={by} />
      <FormDateField control={form.control} name="at" label={t('caseFile.consentAt')} withTime />
      <FormTextField control={form.control} name="note" label={t('caseFile.consentNote')} multiline />
    </FormDialog>
  );
}

function WithdrawDialog({ caseId, consent, onClose }: { caseId: number; consent: Consent; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<WithdrawForm>({ resolver: zodResolver(withdrawForm), defaultValues: { at: toLocalInput(new Date()), note: '' } });
  const submit = form.handleSubmit(async (v) => {
    setFailure(null);
    try {
      await api.call('cases.withdrawConsent', { caseId, consentId: consent.id, at: fromLocalInput(v.at), note: v.note });
      await queryClient.invalidateQueries({ queryKey: ['cases'] });
      onClose();
    } catch (error) {
      setFailure(applyServerError(error, form.setError, t, (path) => (['at', 'note'] as const).find((f) => f === path[0]) ?? null));
    }
  });
  return (
    <FormDialog title={t('caseFile.withdrawTitle')} onClose={onClose} onSubmit={submit} submitting={form.formState.isSubmitting} failure={failure} maxWidth="sm">
      <FormDateField control={form.control} name="at" label={t('caseFile.consentAt')} withTime />
      <FormTextField control={form.control} name="note" label={t('caseFile.consentNote')} multiline />
    </FormDialog>
  );
}

/** What the child and guardians consented to, by whom and when, and what was withdrawn. */
export function CaseConsents({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const format = useFormat();
  const category = useCategory();
  const [recording, setRecording] = useState(false);
  const [withdrawing, setWithdrawing] = useState<Consent | null>(null);
  const mayRecord = isGranted('consents.record', session.user.roles);
  return (
    <Panel
      title={t('caseFile.consentsTitle')}
      action={
        mayRecord && (
          <Button variant="outlined" size="small" onClick={() => setRecording(true)}>
            {t('caseFile.recordConsent')}
          </Button>
        )
      }
    >
      {detail.consents.length === 0 ? (
        <Typography color="text.secondary">{t('caseFile.noConsents')}</Typography>
      ) : (
        <Table size="small" aria-label={t('caseFile.consentsTitle')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('caseFile.consentScope')}</TableCell>
              <TableCell>{t('caseFile.consentDecision')}</TableCell>
              <TableCell>{t('caseFile.consentBy')}</TableCell>
              <TableCell>{t('caseFile.consentAt')}</TableCell>
              <TableCell>{t('caseFile.consentNote')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {detail.consents.map((c) => (
              <TableRow key={c.id}>
                <TableCell>{category('consentScope', c.scope)}</TableCell>
                <TableCell>
                  {c.withdrawnAt ? (
                    <Chip size="small" color="warning" label={t('caseFile.withdrawnAt', { date: format.dateTime(c.withdrawnAt) })} />
                  ) : (
                    <Chip size="small" color={c.decision === 'given' ? 'success' : 'default'} label={category('consentDecision', c.decision)} />
                  )}
                </TableCell>
                <TableCell>{c.personId === null ? t('caseFile.consentChild') : c.byName}</TableCell>
                <TableCell>{format.dateTime(c.at)}</TableCell>
                <TableCell>{[c.note, c.withdrawnNote].filter(Boolean).join(' — ')}</TableCell>
                <TableCell>
                  {mayRecord && c.decision === 'given' && !c.withdrawnAt && (
                    <Button size="small" onClick={() => setWithdrawing(c)}>
                      {t('caseFile.withdraw')}
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {recording && <RecordDialog detail={detail} onClose={() => setRecording(false)} />}
      {withdrawing && <WithdrawDialog caseId={detail.id} consent={withdrawing} onClose={() => setWithdrawing(null)} />}
    </Panel>
  );
}
