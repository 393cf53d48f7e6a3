import DeleteOutlineOutlined from '@mui/icons-material/DeleteOutlineOutlined';
import PersonAddAltOutlined from '@mui/icons-material/PersonAddAltOutlined';
import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormHelperText from '@mui/material/FormHelperText';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useFieldArray, useForm, useWatch, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { z } from 'zod';
import { checkMessages } from '../../../shared/contract/fields';
import type { Meeting, MeetingFields } from '../../../shared/contract/followup-records';
import { meetingAgencies, meetingTypes } from '../../../shared/followup/categories';
import { useApi, useSession } from '../api/context';
import { FormDialog } from '../components/FormDialog';
import { fromLocalInput, toLocalInput } from '../components/format';
import { FormCheckbox } from '../forms/FormCheckbox';
import { FormDateField } from '../forms/FormDateField';
import { FormSelectField } from '../forms/FormSelectField';
import { FormTextField } from '../forms/FormTextField';
import { CasePicker, type PickedCase } from './CasePicker';
import { meetingAgencyOf } from './labels';
import { applyRefusal } from './refusal';

const NO_CASE = 'caseRequired';

const meetingForm = z.object({
  type: z.enum(meetingTypes, { message: checkMessages.invalidChoice }),
  startsAt: z
    .string()
    .min(1, { message: checkMessages.blank })
    .refine((v) => fromLocalInput(v) !== '', { message: checkMessages.invalidDate }),
  durationMinutes: z.string().refine((v) => /^\d+$/.test(v) && Number(v) >= 15 && Number(v) <= 480, { message: checkMessages.durationRange }),
  place: z.string().trim().max(200),
  chairId: z.string().min(1, { message: checkMessages.invalidChoice }),
  members: z
    .array(
      z.object({
        userId: z.string(),
        name: z.string().trim().min(1, { message: checkMessages.blank }).max(120),
        agency: z.enum(meetingAgencies, { message: checkMessages.invalidChoice }),
        present: z.boolean(),
      }),
    )
    .max(60),
  cases: z
    .array(z.object({ caseId: z.number(), reference: z.string(), childName: z.string(), agenda: z.string().trim().max(4_000), decisions: z.string().trim().max(8_000) }))
    .min(1, { message: NO_CASE })
    .max(30),
});
type MeetingForm = z.infer<typeof meetingForm>;

/** The fields of a meeting as read, ready to save again (a presence ticked on the meeting page). */
export function fieldsOf(m: Meeting): MeetingFields {
  return {
    type: m.type,
    startsAt: m.startsAt,
    durationMinutes: m.durationMinutes,
    place: m.place,
    chairId: m.chairId,
    members: m.members,
    cases: m.cases.map((c) => ({ caseId: c.caseId, agenda: c.agenda, decisions: c.decisions })),
  };
}

function toFields(v: MeetingForm): MeetingFields {
  return {
    type: v.type,
    startsAt: fromLocalInput(v.startsAt),
    durationMinutes: Number(v.durationMinutes),
    place: v.place,
    chairId: Number(v.chairId),
    members: v.members.map((m) => ({ userId: m.userId === '' ? null : Number(m.userId), name: m.name, agency: m.agency, present: m.present })),
    cases: v.cases.map((c) => ({ caseId: c.caseId, agenda: c.agenda, decisions: c.decisions })),
  };
}

function defaults(existing: Meeting | null, myId: number, initialCase: PickedCase | null): MeetingForm {
  if (existing) {
    return {
      type: existing.type,
      startsAt: toLocalInput(existing.startsAt),
      durationMinutes: String(existing.durationMinutes),
      place: existing.place,
      chairId: String(existing.chairId),
      members: existing.members.map((m) => ({ userId: m.userId === null ? '' : String(m.userId), name: m.name, agency: m.agency, present: m.present })),
      cases: existing.cases.map((c) => ({ caseId: c.caseId, reference: c.reference, childName: c.childName, agenda: c.agenda, decisions: c.decisions })),
    };
  }
  const start = new Date(Date.now() + 24 * 3_600_000);
  start.setHours(10, 0, 0, 0);
  return {
    type: 'follow_up',
    startsAt: toLocalInput(start),
    durationMinutes: '60',
    place: '',
    chairId: String(myId),
    members: [],
    cases: initialCase ? [{ ...initialCase, agenda: '', decisions: '' }] : [],
  };
}

/** One person at the table: a colleague (named by their account) or someone from outside, with their agency and presence. */
function MemberRow({ control, index, colleague, onRemove }: { control: Control<MeetingForm>; index: number; colleague: boolean; onRemove: () => void }) {
  const { t } = useTranslation();
  const name = useWatch({ control, name: `members.${index}.name` });
  return (
    <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
      <Box sx={{ flex: 1.4 }}>
        {colleague ? (
          <Box sx={{ pt: 1 }}>
            <Typography component="div">{name}</Typography>
            <Typography variant="caption" color="text.secondary" component="div">
              {t('meetings.colleague')}
            </Typography>
          </Box>
        ) : (
          <FormTextField control={control} name={`members.${index}.name`} label={t('meetings.name')} />
        )}
      </Box>
      <Box sx={{ flex: 1 }}>
        <FormSelectField control={control} name={`members.${index}.agency`} label={t('meetings.agency')} options={meetingAgencies.map((a) => ({ value: a, label: t(`meetings.agencies.${a}`) }))} />
      </Box>
      <Box sx={{ pt: 1 }}>
        <FormCheckbox control={control} name={`members.${index}.present`} label={t('meetings.present')} />
      </Box>
      <IconButton aria-label={t('meetings.removeMember', { name })} onClick={onRemove} sx={{ mt: 1 }}>
        <DeleteOutlineOutlined />
      </IconButton>
    </Box>
  );
}

const simpleFields = ['type', 'startsAt', 'durationMinutes', 'place', 'chairId'] as const;

/**
 * Plan a case review meeting or change a planned one: when, who chairs, who
 * sits at the table (colleagues and people from outside), and the cases on
 * the agenda with the agenda and decisions for each.
 */
export function MeetingDialog({ existing, initialCase = null, onClose }: { existing: Meeting | null; initialCase?: PickedCase | null; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const navigate = useNavigate();
  const { session } = useSession();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  // The version the dialog opened with: a refresh underneath must not make a stale save look fresh.
  const [opened] = useState(existing);
  const directory = useQuery({ queryKey: ['users', 'directory'], queryFn: () => api.call('users.directory', {}) });
  const form = useForm<MeetingForm>({ resolver: zodResolver(meetingForm), defaultValues: defaults(opened, session.user.id, initialCase) });
  const members = useFieldArray({ control: form.control, name: 'members' });
  const cases = useFieldArray({ control: form.control, name: 'cases' });
  const memberIds = (useWatch({ control: form.control, name: 'members' }) ?? []).map((m) => m.userId);
  const colleagues = directory.data ?? [];

  const submit = form.handleSubmit(async (v) => {
    setFailure(null);
    try {
      const saved = await api.call('meetings.save', { id: opened?.id ?? null, version: opened?.version ?? 0, ...toFields(v) });
      await Promise.all([queryClient.invalidateQueries({ queryKey: ['meetings'] }), queryClient.invalidateQueries({ queryKey: ['cases'] })]);
      onClose();
      if (!opened) void navigate(`/meetings/${saved.id}`);
    } catch (error) {
      setFailure(
        applyRefusal(error, form.setError, t, (path) => {
          const [head, index, key] = path;
          if ((head === 'members' || head === 'cases') && typeof index === 'number') {
            if (head === 'members' && (key === 'name' || key === 'agency')) return `members.${index}.${key}`;
            if (head === 'cases' && (key === 'agenda' || key === 'decisions')) return `cases.${index}.${key}`;
            return null;
          }
          return simpleFields.find((f) => f === head) ?? null;
        }),
      );
    }
  });

  const chairOptions = colleagues.map((c) => ({ value: String(c.id), label: c.displayName }));
  if (opened && !colleagues.some((c) => c.id === opened.chairId)) chairOptions.push({ value: String(opened.chairId), label: opened.chairName });
  const casesError = form.formState.errors.cases?.root?.message ?? form.formState.errors.cases?.message;

  return (
    <FormDialog
      title={opened ? t('meetings.editTitle') : t('meetings.planTitle')}
      onClose={onClose}
      onSubmit={submit}
      submitting={form.formState.isSubmitting}
      failure={failure}
      submitLabel={opened ? t('common.save') : t('meetings.plan')}
      maxWidth="md"
    >
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <FormSelectField control={form.control} name="type" label={t('meetings.type')} options={meetingTypes.map((m) => ({ value: m, label: t(`meetings.types.${m}`) }))} />
        <FormDateField control={form.control} name="startsAt" label={t('meetings.startsAt')} withTime />
        <FormTextField control={form.control} name="durationMinutes" label={t('meetings.duration')} type="number" />
      </Stack>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <FormTextField control={form.control} name="place" label={t('meetings.place')} />
        <FormSelectField control={form.control} name="chairId" label={t('meetings.chair')} options={chairOptions} />
      </Stack>

      <Typography variant="subtitle1" component="h3" sx={{ mt: 2 }}>
        {t('meetings.members')}
      </Typography>
      {members.fields.map((field, index) => (
        <MemberRow key={field.id} control={form.control} index={index} colleague={field.userId !== ''} onRemove={() => members.remove(index)} />
      ))}
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' } }}>
        <Autocomplete
          sx={{ flex: 1 }}
          options={colleagues.filter((c) => !memberIds.includes(String(c.id)))}
          value={null}
          onChange={(_e, c) => {
            if (c) members.append({ userId: String(c.id), name: c.displayName, agency: meetingAgencyOf[c.agency], present: false });
          }}
          getOptionLabel={(c) => `${c.displayName} — ${t(`agencies.${c.agency}`)}`}
          renderInput={(params) => <TextField {...params} label={t('meetings.addColleague')} margin="normal" />}
        />
        <Button startIcon={<PersonAddAltOutlined />} onClick={() => members.append({ userId: '', name: '', agency: 'other', present: false })}>
          {t('meetings.addOutside')}
        </Button>
      </Stack>

      <Typography variant="subtitle1" component="h3" sx={{ mt: 2 }}>
        {t('meetings.agendaTitle')}
      </Typography>
      {opened && opened.hiddenCases > 0 && (
        <Alert severity="info" sx={{ my: 1 }}>
          {t('meetings.hiddenCases', { count: opened.hiddenCases })} {t('meetings.keptHidden')}
        </Alert>
      )}
      <Stack spacing={1.5}>
        {cases.fields.map((field, index) => (
          <Paper key={field.id} variant="outlined" sx={{ px: 2, pb: 1, pt: 1 }} role="group" aria-label={field.reference}>
            <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
              <Typography sx={{ fontWeight: 600 }}>
                {field.reference} · {field.childName}
              </Typography>
              {/* A case with action items from this meeting stays on its agenda (the host refuses otherwise). */}
              {!opened?.actions.some((a) => a.caseId === field.caseId) && (
                <IconButton aria-label={t('meetings.removeCase', { reference: field.reference })} onClick={() => cases.remove(index)}>
                  <DeleteOutlineOutlined />
                </IconButton>
              )}
            </Stack>
            <FormTextField control={form.control} name={`cases.${index}.agenda`} label={t('meetings.agenda')} multiline />
            <FormTextField control={form.control} name={`cases.${index}.decisions`} label={t('meetings.decisions')} multiline />
          </Paper>
        ))}
      </Stack>
      <CasePicker
        exclude={cases.fields.map((c) => c.caseId)}
        onPick={(picked) => {
          cases.append({ ...picked, agenda: '', decisions: '' });
          form.clearErrors('cases');
        }}
      />
      {casesError && <FormHelperText error>{casesError === NO_CASE ? t('meetings.caseRequired') : casesError}</FormHelperText>}
    </FormDialog>
  );
}
