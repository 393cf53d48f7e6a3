import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { perpetratorRelationships, places, referralSources, traffickingIndicators, urgencies, violenceTypes } from '../../../shared/cases/categories';
import type { CaseDetail, CaseFields } from '../../../shared/contract/case-records';
import { FormDialog } from '../components/FormDialog';
import { useApi } from '../api/context';
import { fromLocalInput, toLocalInput, useFormat } from '../components/format';
import { FormCheckboxGroup } from '../forms/FormCheckboxGroup';
import { FormDateField } from '../forms/FormDateField';
import { FormSelectField } from '../forms/FormSelectField';
import { FormTextField } from '../forms/FormTextField';
import { applyServerError } from '../forms/server-errors';
import { intakeFormSchema, type IntakeForm } from './intake-form';
import { categoryOptions, useCategory } from './labels';
import { MergeDialog } from './MergeDialog';
import { useMergeableSave } from './useMergeableSave';

type Field = keyof CaseFields;
type FormValues = Pick<IntakeForm, Field>;

function toForm(fields: CaseFields): FormValues {
  return { ...fields, receivedAt: toLocalInput(fields.receivedAt), place: fields.place ?? '', perpetrator: fields.perpetrator ?? '' };
}

function fromForm(values: Partial<FormValues>): Partial<CaseFields> {
  const out: Record<string, unknown> = { ...values };
  if (values.receivedAt !== undefined) out.receivedAt = fromLocalInput(values.receivedAt);
  if (values.place !== undefined) out.place = values.place || null;
  if (values.perpetrator !== undefined) out.perpetrator = values.perpetrator || null;
  return out;
}

/** Labels of the case's fields, for forms, the merge table and the timeline. */
export function useFieldLabel() {
  const { t } = useTranslation();
  const labels: Record<Field, string> = {
    receivedAt: t('intake.receivedAt'),
    source: t('intake.source'),
    referrerName: t('intake.referrerName'),
    referrerContact: t('intake.referrerContact'),
    reported: t('intake.reported'),
    violenceTypes: t('intake.violenceTypes'),
    place: t('intake.place'),
    perpetrator: t('intake.perpetrator'),
    urgency: t('intake.urgency'),
    policeFile: t('categories.file.policeFile'),
    prosecutorFile: t('categories.file.prosecutorFile'),
    courtFile: t('categories.file.courtFile'),
    childProtectionFile: t('categories.file.childProtectionFile'),
    trafficking: t('intake.trafficking'),
  };
  return (field: string) => labels[field as Field] ?? field;
}

/**
 * Edits some of a case's fields. Saves only what changed, against the
 * version read; if someone saved in between, the merge dialog opens.
 */
export function CaseFieldsDialog({ detail: current, fields, title, onClose }: { detail: CaseDetail; fields: readonly Field[]; title: string; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const category = useCategory();
  const format = useFormat();
  const label = useFieldLabel();
  // The case as it was when editing began: a refresh meanwhile must not move the version under the editor.
  const [detail] = useState(current);
  const base = detail.fields!;
  const [failure, setFailure] = useState<string | null>(null);
  const schema = intakeFormSchema.pick(Object.fromEntries(fields.map((f) => [f, true])) as Record<Field, true>);
  const form = useForm<FormValues>({
    resolver: zodResolver(schema) as never,
    defaultValues: Object.fromEntries(fields.map((f) => [f, toForm(base)[f]])) as FormValues,
  });
  const { conflict, saveMine, saveMerged, refresh } = useMergeableSave<CaseFields, CaseDetail>({
    base,
    version: detail.version,
    send: (changes, version) => api.call('cases.update', { caseId: detail.id, version, changes }),
    storedIn: (stored) => (stored.fields ? { fields: stored.fields, version: stored.version } : null),
  });

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      if (await saveMine({ ...base, ...fromForm(values) })) onClose();
    } catch (error) {
      setFailure(applyServerError(error, form.setError, t, (path) => (path[0] === 'changes' && fields.includes(path[1] as Field) ? (path[1] as Path<FormValues>) : null)));
    }
  });

  const show = (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '';
    if (field === 'receivedAt') return format.dateTime(value as string);
    if (field === 'violenceTypes') return (value as string[]).map((v) => category('violence', v)).join(', ');
    if (field === 'trafficking') return (value as string[]).map((v) => category('indicator', v)).join('; ');
    const group = { source: 'source', place: 'place', perpetrator: 'perpetrator', urgency: 'urgency' }[field];
    return group ? category(group, value as string) : typeof value === 'string' ? value : JSON.stringify(value);
  };

  if (conflict) {
    return (
      <MergeDialog
        conflict={conflict}
        label={label}
        show={show}
        onCancel={() => void refresh().then(onClose)}
        onSave={(changes, version) => saveMerged(changes, version).then(onClose)}
      />
    );
  }

  const input = (field: Field) => {
    const name = field as Path<FormValues>;
    switch (field) {
      case 'receivedAt':
        return <FormDateField key={field} control={form.control} name={name} label={label(field)} withTime />;
      case 'source':
        return <FormSelectField key={field} control={form.control} name={name} label={label(field)} options={categoryOptions(t, 'source', referralSources)} />;
      case 'urgency':
        return <FormSelectField key={field} control={form.control} name={name} label={label(field)} options={categoryOptions(t, 'urgency', urgencies)} />;
      case 'place':
        return <FormSelectField key={field} control={form.control} name={name} label={label(field)} options={[{ value: '', label: t('intake.notKnown') }, ...categoryOptions(t, 'place', places)]} />;
      case 'perpetrator':
        return (
          <FormSelectField
            key={field}
            control={form.control}
            name={name}
            label={label(field)}
            options={[{ value: '', label: t('intake.notKnown') }, ...categoryOptions(t, 'perpetrator', perpetratorRelationships)]}
          />
        );
      case 'violenceTypes':
        return <FormCheckboxGroup key={field} control={form.control} name={name} label={label(field)} options={categoryOptions(t, 'violence', violenceTypes)} />;
      case 'trafficking':
        return <FormCheckboxGroup key={field} control={form.control} name={name} label={t('intake.traffickingHelp')} options={categoryOptions(t, 'indicator', traffickingIndicators)} columns={1} />;
      case 'reported':
        return <FormTextField key={field} control={form.control} name={name} label={label(field)} multiline />;
      default:
        return <FormTextField key={field} control={form.control} name={name} label={label(field)} />;
    }
  };

  return (
    <FormDialog title={title} onClose={onClose} onSubmit={submit} submitting={form.formState.isSubmitting} failure={failure} maxWidth="md">
      {fields.map(input)}
    </FormDialog>
  );
}
