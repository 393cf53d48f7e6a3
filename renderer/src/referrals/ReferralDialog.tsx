import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { CaseDetail } from '../../../shared/contract/case-records';
import { checkMessages } from '../../../shared/contract/fields';
import type { Referral } from '../../../shared/contract/followup-records';
import { consentBases, referralSubjects, serviceKinds } from '../../../shared/followup/categories';
import { useApi } from '../api/context';
import { pastMomentField } from '../cases/intake-form';
import { useCategory } from '../cases/labels';
import { FormDialog } from '../components/FormDialog';
import { fromLocalInput, toLocalInput } from '../components/format';
import { FormDateField } from '../forms/FormDateField';
import { FormSelectField } from '../forms/FormSelectField';
import { FormTextField } from '../forms/FormTextField';
import { applyServerError } from '../forms/server-errors';
import { addDays, dayOf, sharingConsentStands } from './words';

const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { message: checkMessages.invalidChoice });

const referralForm = z
  .object({
    subject: choice(referralSubjects),
    /** A select's value: the adult's id as text, '' for none. */
    personId: z.string(),
    serviceKind: choice(serviceKinds),
    serviceName: z.string().trim().min(1, { message: checkMessages.blank }).max(200),
    contact: z.string().trim().max(300),
    sentAt: pastMomentField,
    consentBasis: choice(consentBases),
    followUpOn: z.iso.date({ message: checkMessages.invalidDate }),
    notes: z.string().trim().max(4_000),
  })
  .superRefine((v, issue) => {
    if (v.subject === 'adult' && v.personId === '') issue.addIssue({ code: 'custom', path: ['personId'], message: checkMessages.adultRequired });
    if (v.followUpOn < dayOf(v.sentAt)) issue.addIssue({ code: 'custom', path: ['followUpOn'], message: checkMessages.followUpBeforeSent });
  });
type ReferralForm = z.infer<typeof referralForm>;
const formFields = ['subject', 'personId', 'serviceKind', 'serviceName', 'contact', 'sentAt', 'consentBasis', 'followUpOn', 'notes'] as const;

const FOLLOW_UP_AFTER_DAYS = 7;

/** Two fields side by side on a wide screen. A grid, not a Stack: a Stack zeroes the fields' own margins. */
function Pair({ children }: { children: ReactNode }) {
  return <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' }, columnGap: 2 }}>{children}</Box>;
}

function initialValues(existing: Referral | null): ReferralForm {
  if (existing) {
    return {
      subject: existing.subject,
      personId: existing.personId === null ? '' : String(existing.personId),
      serviceKind: existing.serviceKind,
      serviceName: existing.serviceName,
      contact: existing.contact,
      sentAt: toLocalInput(existing.sentAt),
      consentBasis: existing.consentBasis,
      followUpOn: existing.followUpOn,
      notes: existing.notes,
    };
  }
  const sentAt = toLocalInput(new Date());
  return {
    subject: 'child',
    personId: '',
    serviceKind: 'mental_health',
    serviceName: '',
    contact: '',
    sentAt,
    consentBasis: 'consent',
    followUpOn: addDays(dayOf(sentAt), FOLLOW_UP_AFTER_DAYS),
    notes: '',
  };
}

/** Record a referral sent to an outside service, or correct one: for whom, where, on what basis, and when to chase it. */
export function ReferralDialog({ detail, existing, onClose }: { detail: CaseDetail; existing: Referral | null; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const category = useCategory();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<ReferralForm>({ resolver: zodResolver(referralForm), defaultValues: initialValues(existing) });
  const [subject, consentBasis, sentAt] = useWatch({ control: form.control, name: ['subject', 'consentBasis', 'sentAt'] });

  // The follow-up date follows the sending date (a week later) until someone sets it by hand.
  const followUpTouched = form.formState.dirtyFields.followUpOn === true;
  useEffect(() => {
    if (existing || followUpTouched || !/^\d{4}-\d{2}-\d{2}/.test(sentAt)) return;
    form.setValue('followUpOn', addDays(dayOf(sentAt), FOLLOW_UP_AFTER_DAYS));
  }, [existing, followUpTouched, sentAt, form]);

  const adults = detail.people.map((link) => ({
    value: String(link.person.id),
    label: `${link.person.firstName} ${link.person.lastName} (${category('relationship', link.relationship)})`,
  }));
  const consentMissing = consentBasis === 'consent' && !sharingConsentStands(detail.consents);

  const submit = form.handleSubmit(async (v) => {
    setFailure(null);
    try {
      await api.call('referrals.save', {
        caseId: detail.id,
        id: existing?.id ?? null,
        version: existing?.version ?? 0,
        subject: v.subject,
        personId: v.subject === 'adult' && v.personId !== '' ? Number(v.personId) : null,
        serviceKind: v.serviceKind,
        serviceName: v.serviceName,
        contact: v.contact,
        sentAt: fromLocalInput(v.sentAt),
        consentBasis: v.consentBasis,
        followUpOn: v.followUpOn,
        notes: v.notes,
      });
      await queryClient.invalidateQueries({ queryKey: ['cases'] });
      onClose();
    } catch (error) {
      setFailure(applyServerError(error, form.setError, t, (path) => formFields.find((f) => f === path[0]) ?? null));
    }
  });

  return (
    <FormDialog
      title={existing ? t('referrals.editTitle') : t('referrals.addTitle')}
      onClose={onClose}
      onSubmit={submit}
      submitting={form.formState.isSubmitting}
      failure={failure}
      maxWidth="md"
    >
      <Pair>
        <FormSelectField
          control={form.control}
          name="subject"
          label={t('referrals.subject')}
          options={referralSubjects.map((s) => ({ value: s, label: t(`referrals.subjects.${s}`) }))}
        />
        {subject === 'adult' && <FormSelectField control={form.control} name="personId" label={t('referrals.person')} options={adults} />}
      </Pair>
      {subject === 'adult' && adults.length === 0 && (
        <Typography variant="body2" color="warning.main">
          {t('referrals.noAdults')}
        </Typography>
      )}
      <Pair>
        <FormSelectField
          control={form.control}
          name="serviceKind"
          label={t('referrals.serviceKind')}
          options={serviceKinds.map((k) => ({ value: k, label: t(`referrals.serviceKinds.${k}`) }))}
        />
        <FormTextField control={form.control} name="serviceName" label={t('referrals.serviceName')} />
      </Pair>
      <FormTextField control={form.control} name="contact" label={t('referrals.contact')} />
      <FormSelectField
        control={form.control}
        name="consentBasis"
        label={t('referrals.consentBasis')}
        options={consentBases.map((b) => ({ value: b, label: t(`referrals.consentBases.${b}`) }))}
      />
      {consentMissing && (
        <Alert severity="warning" data-testid="sharing-consent-missing" sx={{ mt: 1 }}>
          {t('referrals.noSharingConsent')}
        </Alert>
      )}
      <Pair>
        <FormDateField control={form.control} name="sentAt" label={t('referrals.sentAt')} withTime />
        <FormDateField control={form.control} name="followUpOn" label={t('referrals.followUpOn')} />
      </Pair>
      <Typography variant="body2" color="text.secondary">
        {t('referrals.followUpHint')}
      </Typography>
      <FormTextField control={form.control} name="notes" label={t('referrals.notes')} multiline />
    </FormDialog>
  );
}
