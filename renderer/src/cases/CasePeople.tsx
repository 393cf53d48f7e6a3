import AddIcon from '@mui/icons-material/PersonAddAlt1Outlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { relationships } from '../../../shared/cases/categories';
import type { CaseDetail, CasePerson, Person } from '../../../shared/contract/case-records';
import { changesBetween } from '../../../shared/merge';
import { isGranted } from '../../../shared/permissions';
import { FormDialog } from '../components/FormDialog';
import { useApi, useSession } from '../api/context';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { useFormat } from '../components/format';
import { FormSelectField } from '../forms/FormSelectField';
import { FormTextField } from '../forms/FormTextField';
import { applyServerError } from '../forms/server-errors';
import { Field, Panel } from './CaseOverview';
import { adultFormSchema, blankAdult, blankIntake, intakeFieldFor, toIntake, type IntakeForm } from './intake-form';
import { categoryOptions, useCategory } from './labels';
import { PersonDialog } from './PersonDialog';
import { InformFields } from './InformFields';
import { PersonFields } from './PersonFields';
import { PersonName } from '../components/UserText';

function AddPersonDialog({ detail, onClose }: { detail: CaseDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<IntakeForm>({
    resolver: zodResolver(z.object({ people: z.array(adultFormSchema).length(1) })) as never,
    defaultValues: { ...blankIntake(), people: [blankAdult()] },
  });
  const onCase = [detail.child.id, ...detail.people.map((p) => p.person.id)];
  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    const adult = (toIntake({ ...blankIntake(), ...values } as never).people ?? [])[0]!;
    try {
      await api.call('cases.addPerson', { caseId: detail.id, person: adult.person, link: adult.link });
      await queryClient.invalidateQueries({ queryKey: ['cases'] });
      onClose();
    } catch (error) {
      setFailure(
        applyServerError(error, form.setError, t, (path) => {
          if (path[0] === 'person') return intakeFieldFor(['people', 0, ...path]) as Path<IntakeForm> | null;
          if (path[0] === 'link') return intakeFieldFor(['people', 0, ...path]) as Path<IntakeForm> | null;
          return null;
        }),
      );
    }
  });
  return (
    <FormDialog title={t('intake.addPerson')} onClose={onClose} onSubmit={submit} submitting={form.formState.isSubmitting} failure={failure} maxWidth="md" submitLabel={t('cases.add')}>
      <PersonFields control={form.control} setValue={form.setValue} getValues={form.getValues} prefix="people.0" kind="adult" linkedElsewhere={onCase} />
    </FormDialog>
  );
}

const linkSchema = z.object({
  relationship: z.enum(relationships),
  legalGuardian: z.boolean(),
  carer: z.boolean(),
  mayBeInformed: z.boolean(),
  informNote: z.string().trim().max(500),
  allegedPerpetrator: z.boolean(),
  informOverride: z.boolean(),
});
type LinkForm = z.infer<typeof linkSchema>;

function LinkDialog({ caseId, link: current, onClose }: { caseId: number; link: CasePerson; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [link] = useState(current);
  const [failure, setFailure] = useState<string | null>(null);
  const base: LinkForm = {
    relationship: link.relationship,
    legalGuardian: link.legalGuardian,
    carer: link.carer,
    mayBeInformed: link.mayBeInformed,
    informNote: link.informNote,
    allegedPerpetrator: link.allegedPerpetrator ?? false,
    informOverride: link.informOverride,
  };
  const form = useForm<LinkForm>({ resolver: zodResolver(linkSchema), defaultValues: base });
  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    const changes = changesBetween(base, values);
    try {
      if (Object.keys(changes).length) await api.call('cases.updateLink', { caseId, personId: link.person.id, version: link.version, changes });
      await queryClient.invalidateQueries({ queryKey: ['cases'] });
      onClose();
    } catch (error) {
      setFailure(applyServerError(error, form.setError, t, (path) => (path[0] === 'changes' && typeof path[1] === 'string' && path[1] in base ? (path[1] as keyof LinkForm) : null)));
      await queryClient.invalidateQueries({ queryKey: ['cases'] });
    }
  });
  return (
    <FormDialog title={`${link.person.firstName} ${link.person.lastName}`} onClose={onClose} onSubmit={submit} submitting={false} failure={failure} maxWidth="sm">
      <FormSelectField control={form.control} name="relationship" label={t('person.relationship')} options={categoryOptions(t, 'relationship', relationships)} />
      <InformFields control={form.control} setValue={form.setValue} getValues={form.getValues} path={(field) => field} />
      <FormTextField control={form.control} name="informNote" label={t('person.informNote')} />
    </FormDialog>
  );
}

function Contacts({ person }: { person: Person }) {
  const { t } = useTranslation();
  const parts = [person.phone, person.email, person.address].filter(Boolean);
  return <Typography variant="body2">{parts.length ? parts.join(' · ') : t('person.noDetails')}</Typography>;
}

/** The child and the adults around them in this case. */
export function CasePeople({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const format = useFormat();
  const category = useCategory();
  const api = useApi();
  const queryClient = useQueryClient();
  const mayEdit = isGranted('cases.update', session.user.roles) && detail.view === 'full';
  const [editing, setEditing] = useState<{ person: Person; kind: 'child' | 'adult' } | null>(null);
  const [linking, setLinking] = useState<CasePerson | null>(null);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<CasePerson | null>(null);
  const child = detail.child;
  return (
    <Stack spacing={3} sx={{ maxWidth: 1100 }}>
      <Panel
        title={t('intake.child')}
        action={
          mayEdit && (
            <Button size="small" onClick={() => setEditing({ person: child, kind: 'child' })}>
              {t('person.editChild')}
            </Button>
          )
        }
      >
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, md: 4 }}>
            <Field label={t('person.birthDate')}>
              {child.birthDate ? `${format.date(child.birthDate)} (${format.years(child.age ?? 0)})` : t('person.noDetails')}
            </Field>
          </Grid>
          <Grid size={{ xs: 12, md: 4 }}>
            <Field label={t('person.ageAtReferral')}>{detail.ageAtReferral === null ? t('person.noDetails') : format.years(detail.ageAtReferral)}</Field>
          </Grid>
          <Grid size={{ xs: 12, md: 4 }}>
            <Field label={t('person.gender')}>{category('gender', child.gender)}</Field>
          </Grid>
          <Grid size={{ xs: 12, md: 4 }}>
            <Field label={t('person.languages')}>{child.languages.join(', ') || t('person.noDetails')}</Field>
          </Grid>
          <Grid size={{ xs: 12, md: 4 }}>
            <Field label={t('person.interpreterNeeded')}>
              {child.interpreterNeeded ? <Chip size="small" color="warning" label={child.interpreterLanguage || t('person.interpreterNeeded')} /> : '—'}
            </Field>
          </Grid>
          <Grid size={{ xs: 12, md: 4 }}>
            <Field label={t('person.school')}>{child.school || t('person.noDetails')}</Field>
          </Grid>
          <Grid size={12}>
            <Field label={t('person.needs')}>{child.needs || t('person.noDetails')}</Field>
          </Grid>
          <Grid size={12}>
            <Field label={t('person.address')}>
              <Contacts person={child} />
            </Field>
          </Grid>
        </Grid>
      </Panel>
      <Panel
        title={t('intake.people')}
        action={
          mayEdit && (
            <Button size="small" startIcon={<AddIcon />} onClick={() => setAdding(true)}>
              {t('intake.addPerson')}
            </Button>
          )
        }
      >
        {detail.people.length === 0 && <Typography color="text.secondary">{t('intake.noPeople')}</Typography>}
        <Stack spacing={2}>
          {detail.people.map((link) => (
            <Stack key={link.person.id} role="group" aria-label={`${link.person.firstName} ${link.person.lastName}`} sx={{ borderTop: 1, borderColor: 'divider', pt: 2 }} spacing={1}>
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
                  <PersonName person={link.person} />
                </Typography>
                <Chip size="small" label={category('relationship', link.relationship)} />
                {link.legalGuardian && <Chip size="small" variant="outlined" label={t('person.legalGuardian')} />}
                {link.carer && <Chip size="small" variant="outlined" label={t('person.carer')} />}
                {link.allegedPerpetrator && <Chip size="small" color="error" label={t('person.allegedPerpetrator')} />}
                {link.person.birthDate && <Typography variant="body2" color="text.secondary">{format.date(link.person.birthDate)}</Typography>}
              </Stack>
              <Contacts person={link.person} />
              {!link.mayBeInformed && (
                <Alert severity="warning" sx={{ py: 0 }}>
                  {t('person.mayNotBeInformed')}
                  {link.informNote ? ` — ${link.informNote}` : ''}
                </Alert>
              )}
              {mayEdit && (
                <Stack direction="row" spacing={1}>
                  <Button size="small" onClick={() => setEditing({ person: link.person, kind: 'adult' })}>
                    {t('person.edit')}
                  </Button>
                  <Button size="small" onClick={() => setLinking(link)}>
                    {t('person.relationship')}
                  </Button>
                  <Button size="small" color="error" onClick={() => setRemoving(link)}>
                    {t('cases.remove')}
                  </Button>
                </Stack>
              )}
            </Stack>
          ))}
        </Stack>
      </Panel>
      {editing && <PersonDialog caseId={detail.id} person={editing.person} kind={editing.kind} onClose={() => setEditing(null)} />}
      {linking && <LinkDialog caseId={detail.id} link={linking} onClose={() => setLinking(null)} />}
      {adding && <AddPersonDialog detail={detail} onClose={() => setAdding(false)} />}
      {removing && (
        <ConfirmDialog
          title={t('intake.removePerson')}
          body={`${removing.person.firstName} ${removing.person.lastName}`}
          confirm={t('cases.remove')}
          onClose={() => setRemoving(null)}
          action={async () => {
            await api.call('cases.removePerson', { caseId: detail.id, personId: removing.person.id });
            await queryClient.invalidateQueries({ queryKey: ['cases'] });
          }}
        />
      )}
    </Stack>
  );
}
