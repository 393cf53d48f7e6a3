import AddOutlined from '@mui/icons-material/AddOutlined';
import DeleteOutlineOutlined from '@mui/icons-material/DeleteOutlineOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { checkMessages } from '../../../shared/contract/fields';
import type { Interview } from '../../../shared/contract/interview-records';
import { disclosureOutcomes, interviewProtocols } from '../../../shared/interviews/categories';
import { useApi } from '../api/context';
import { pastMomentField } from '../cases/intake-form';
import { FormDialog } from '../components/FormDialog';
import { fromLocalInput, toLocalInput } from '../components/format';
import { FormCheckbox } from '../forms/FormCheckbox';
import { FormDateField } from '../forms/FormDateField';
import { FormSelectField } from '../forms/FormSelectField';
import { FormTextField } from '../forms/FormTextField';
import { applyServerError } from '../forms/server-errors';

const recordForm = z.object({
  actualStart: pastMomentField,
  actualEnd: pastMomentField,
  breaks: z.array(z.object({ start: pastMomentField, end: pastMomentField })),
  protocol: z.enum(interviewProtocols, { message: checkMessages.invalidChoice }),
  questionsRelayed: z.boolean(),
  disclosure: z.enum(disclosureOutcomes, { message: checkMessages.invalidChoice }),
  remarks: z.string().trim().max(8_000),
});
type RecordForm = z.infer<typeof recordForm>;

/** What happened in the interview room: times, breaks, protocol, relayed questions, disclosure, the interviewer's remarks. */
export function InterviewRecordDialog({ interview, onClose }: { interview: Interview; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const [opened] = useState(interview);
  const r = opened.record;
  const form = useForm<RecordForm>({
    resolver: zodResolver(recordForm),
    defaultValues: {
      actualStart: toLocalInput(r?.actualStart ?? opened.startsAt),
      actualEnd: toLocalInput(r?.actualEnd ?? opened.endsAt),
      breaks: (r?.breaks ?? []).map((b) => ({ start: toLocalInput(b.start), end: toLocalInput(b.end) })),
      protocol: r?.protocol ?? 'nichd',
      questionsRelayed: r?.questionsRelayed ?? false,
      disclosure: r?.disclosure ?? 'not_assessed',
      remarks: r?.remarks ?? '',
    },
  });
  const breaks = useFieldArray({ control: form.control, name: 'breaks' });
  const submit = form.handleSubmit(async (v) => {
    setFailure(null);
    try {
      await api.call('interviews.recordOutcome', {
        interviewId: opened.id,
        version: opened.version,
        ...v,
        actualStart: fromLocalInput(v.actualStart),
        actualEnd: fromLocalInput(v.actualEnd),
        breaks: v.breaks.map((b) => ({ start: fromLocalInput(b.start), end: fromLocalInput(b.end) })),
      });
      await queryClient.invalidateQueries({ queryKey: ['interviews'] });
      await queryClient.invalidateQueries({ queryKey: ['cases'] });
      onClose();
    } catch (error) {
      setFailure(
        applyServerError(error, form.setError, t, (path) => {
          if (path[0] === 'breaks' && typeof path[1] === 'number') return path[2] === 'end' ? `breaks.${path[1]}.end` : `breaks.${path[1]}.start`;
          return (['actualStart', 'actualEnd', 'protocol', 'disclosure', 'remarks'] as const).find((f) => f === path[0]) ?? null;
        }),
      );
    }
  });
  return (
    <FormDialog title={t('interviews.record.title')} onClose={onClose} onSubmit={submit} submitting={form.formState.isSubmitting} failure={failure} maxWidth="md">
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <FormDateField control={form.control} name="actualStart" label={t('interviews.record.actualStart')} withTime />
        <FormDateField control={form.control} name="actualEnd" label={t('interviews.record.actualEnd')} withTime />
      </Stack>
      <Typography variant="subtitle2" component="h3" sx={{ mt: 1 }}>
        {t('interviews.record.breaks')}
      </Typography>
      {breaks.fields.map((field, index) => (
        <Box key={field.id} sx={{ display: 'flex', gap: 2, alignItems: 'flex-start' }}>
          <FormDateField control={form.control} name={`breaks.${index}.start`} label={t('interviews.record.breakStart')} withTime />
          <FormDateField control={form.control} name={`breaks.${index}.end`} label={t('interviews.record.breakEnd')} withTime />
          <IconButton aria-label={t('interviews.record.removeBreak')} onClick={() => breaks.remove(index)} sx={{ mt: 3 }}>
            <DeleteOutlineOutlined />
          </IconButton>
        </Box>
      ))}
      <Button startIcon={<AddOutlined />} onClick={() => breaks.append({ start: form.getValues('actualStart'), end: form.getValues('actualStart') })}>
        {t('interviews.record.addBreak')}
      </Button>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <FormSelectField control={form.control} name="protocol" label={t('interviews.record.protocol')} options={interviewProtocols.map((p) => ({ value: p, label: t(`interviews.protocols.${p}`) }))} />
        <FormSelectField control={form.control} name="disclosure" label={t('interviews.record.disclosure')} options={disclosureOutcomes.map((d) => ({ value: d, label: t(`interviews.disclosures.${d}`) }))} />
      </Stack>
      <FormCheckbox control={form.control} name="questionsRelayed" label={t('interviews.record.questionsRelayed')} />
      <FormTextField control={form.control} name="remarks" label={t('interviews.record.remarks')} helperText={t('interviews.record.remarksHelp')} multiline />
    </FormDialog>
  );
}
