import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ageAt } from '../../../shared/cases/age';
import { removalReasons, type RemovalReason } from '../../../shared/interviews/categories';
import { timelineGroups, type TimelineEntry, type TimelineGroup } from '../../../shared/contract/methods/case-workflow';
import { useApi } from '../api/context';
import { useFormat } from '../components/format';
import { QueryState } from '../components/QueryState';
import { Notice } from '../forms/FormFeedback';
import { useFieldLabel } from './CaseFieldsDialog';
import { useCategory } from './labels';

/** One timeline entry as a sentence in the interface language. */
function useSentence() {
  const { t } = useTranslation();
  const category = useCategory();
  const fieldLabel = useFieldLabel();
  const format = useFormat();
  const sentence = (e: TimelineEntry): string => {
    const d = e.data;
    const str = (key: string) => (typeof d[key] === 'string' ? (d[key]) : '');
    const fields = (Array.isArray(d.fields) ? d.fields : []).map((f) => (t(`person.${f}` as never, { defaultValue: '' }) as string) || fieldLabel(f)).join(', ');
    const reason = str('reason') ? t('timeline.reasonSuffix', { reason: str('reason') }) : '';
    const when = (iso: string) => format.dateTime(iso);
    const removal = () => {
      const code = str('reason');
      const label = (removalReasons as readonly string[]).includes(code) ? t(`evidence.timeline.reasons.${code as RemovalReason}`) : code;
      return [label, str('words')].filter(Boolean).join(' — ');
    };
    const day = (date: string) => format.day(date);
    switch (e.kind) {
      case 'created':
        return t('timeline.created');
      case 'updated':
        return t('timeline.updated', { fields });
      case 'status':
        return t('timeline.status', { from: category('status', str('from')), to: category('status', str('to')) }) + reason;
      case 'closed':
        return t('timeline.closed', { outcome: category('outcome', str('outcome')) }) + reason;
      case 'reopened':
        return t('timeline.reopened', { reason: str('reason') });
      case 'person_added':
        return t('timeline.person_added', { name: str('name'), relationship: category('relationship', str('relationship')) });
      case 'person_updated':
        return t('timeline.person_updated', { name: str('name'), fields });
      case 'link_updated':
        return t('timeline.link_updated', { name: str('name'), fields });
      case 'person_removed':
        return t('timeline.person_removed', { name: str('name') });
      case 'consent_recorded':
        return t('timeline.consent_recorded', { scope: category('consentScope', str('scope')), decision: category('consentDecision', str('decision')) });
      case 'consent_withdrawn':
        return t('timeline.consent_withdrawn', { scope: category('consentScope', str('scope')) });
      case 'task_created':
        return t('timeline.task_created', { task: category('task', str('task')) });
      case 'task_resolved':
        return t('timeline.task_resolved', { task: category('task', str('task')), state: category('taskState', str('resolution')) });
      case 'member_added':
      case 'member_removed':
      case 'coordinator':
        return t(`timeline.${e.kind}`, { name: str('name') });
      case 'restricted':
        return d.restricted ? t('timeline.restrictedOn') : t('timeline.restrictedOff');
      case 'note_added':
        return t('timeline.note_added', { discipline: t(`disciplines.${str('discipline') || 'general'}` as never) });
      case 'interview_done':
        return t('timeline.interview_done');
      case 'interview_scheduled':
        return t('timeline.interview_scheduled', { at: when(str('at')), room: str('room'), interviewer: str('interviewer') });
      case 'interview_rescheduled':
        return t('timeline.interview_rescheduled', { from: when(str('from')), at: when(str('at')), room: str('room'), interviewer: str('interviewer') }) + reason;
      case 'interview_updated':
        return t('timeline.interview_updated', { at: when(str('at')) });
      case 'interview_cancelled':
        return t('timeline.interview_cancelled', { at: when(str('at')) }) + reason;
      case 'interview_held':
      case 'interview_record_updated':
        return t(`timeline.${e.kind}`, { at: when(str('at')) });
      case 'supplementary_requested':
        return t('timeline.supplementary_requested', { reason: t(`interviews.reasons.${str('reason')}` as never) });
      case 'supplementary_decided':
        return t('timeline.supplementary_decided', { decision: t(`interviews.requestStates.${str('decision')}` as never), by: str('by') });
      case 'recording_registered':
      case 'recording_integrity_failed':
        return t(`timeline.${e.kind}`, { file: str('file') });
      case 'recording_copied':
        return t('timeline.recording_copied', { file: str('file'), to: str('to') });
      case 'recording_returned':
        return t('timeline.recording_returned', { file: str('file'), from: str('from') });
      case 'recording_deleted':
        // Removals decided by two people say which reason of the list and the requester's words; older deletions a free-text reason.
        return d.approved ? t('evidence.timeline.recording_removed', { file: str('file'), reason: removal() }) : t('timeline.recording_deleted', { file: str('file') }) + reason;
      case 'recording_removal_requested':
        return t('evidence.timeline.recording_removal_requested', { file: str('file'), reason: removal() });
      case 'recording_removal_refused':
        return t('evidence.timeline.recording_removal_refused', { file: str('file') }) + reason;
      case 'recording_withdrawn':
        return t('evidence.timeline.recording_withdrawn', { file: str('file') }) + (str('words') ? t('timeline.reasonSuffix', { reason: str('words') }) : '');
      case 'legal_hold_set':
      case 'legal_hold_lifted':
        return t(`evidence.timeline.${e.kind}`) + reason;
      case 'medical_exam_scheduled':
        return t('timeline.medical_exam_scheduled', { at: when(str('at')), room: str('room'), examiner: str('examiner') });
      case 'medical_exam_rescheduled':
        return t('timeline.medical_exam_rescheduled', { at: when(str('at')) }) + reason;
      case 'medical_exam_cancelled':
        return t('timeline.medical_exam_cancelled') + reason;
      case 'medical_exam_held':
        return t('timeline.medical_exam_held', { at: when(str('at')) });
      case 'medical_followup_added':
        return t('timeline.medical_followup_added', { kind: t(`medical.followups.kinds.${str('kind')}` as never), due: day(str('due')) });
      case 'medical_followup_done':
        return t('timeline.medical_followup_done', { kind: t(`medical.followups.kinds.${str('kind')}` as never) });
      case 'therapy_session_logged':
      case 'therapy_session_updated':
        return t(`timeline.${e.kind}`, {
          at: when(str('at')),
          type: t(`therapy.sessions.types.${str('type') || 'other'}` as never),
          attendance: t(`therapy.sessions.attendanceStates.${str('attendance')}` as never),
        });
      case 'therapy_assessment':
        return t('timeline.therapy_assessment', { instrument: str('instrument'), on: day(str('on')) });
      case 'therapy_plan_saved':
        return t('timeline.therapy_plan_saved');
      case 'therapy_closed':
        return t('timeline.therapy_closed', { reason: t(`therapy.closure.reasons.${str('reason')}` as never) });
      case 'meeting_scheduled':
      case 'meeting_held':
        return t(`timeline.${e.kind}`, { type: t(`meetings.types.${str('type')}` as never), at: when(str('at')) });
      case 'meeting_cancelled':
        return t('timeline.meeting_cancelled', { type: t(`meetings.types.${str('type')}` as never), at: when(str('at')) }) + reason;
      case 'action_item_created':
        return t('timeline.action_item_created', { what: str('what'), owner: str('owner'), due: day(str('due')) });
      case 'action_item_done':
      case 'action_item_reopened':
        return t(`timeline.${e.kind}`, { what: str('what'), by: str('by') });
      case 'referral_sent':
        return t('timeline.referral_sent', { service: str('service'), kind: t(`referrals.serviceKinds.${str('kind')}` as never) });
      case 'referral_updated':
        return t('timeline.referral_updated', { service: str('service') });
      case 'referral_status':
        return t('timeline.referral_status', {
          service: str('service'),
          from: t(`referrals.statuses.${str('from')}` as never),
          to: t(`referrals.statuses.${str('to')}` as never),
        });
      case 'document_issued':
        return t('timeline.document_issued', {
          number: str('number'),
          recipient: str('recipient'),
          profile: t(`documents.profiles.${str('profile')}` as never),
          language: t(`languages.${str('language')}` as never),
        });
      case 'document_withdrawn':
        return t('timeline.document_withdrawn', { number: str('number'), reason: str('reason') });
      default:
        return e.kind;
    }
  };
  // Work recorded under the centre's "warn" consent rule says so wherever it is listed.
  return (e: TimelineEntry): string => sentence(e) + (e.data.withoutConsent === true ? t('childSafety.withoutConsent') : '');
}

/** Everything that happened on the case, newest first, filtered by kind. */
export function CaseTimeline({ caseId, birthDate }: { caseId: number; birthDate: string | null }) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const sentence = useSentence();
  const [groups, setGroups] = useState<TimelineGroup[]>([]);
  const timeline = useQuery({ queryKey: ['cases', 'timeline', caseId, groups], queryFn: () => api.call('cases.timeline', { caseId, groups }) });
  // The child's age when it happened: what a court asks about an interview or an examination.
  const ageThen = (at: string) => {
    const age = ageAt(birthDate, at);
    return age === null ? '' : t('caseFile.ageThen', { age: format.years(age) });
  };
  const toggle = (g: TimelineGroup) => setGroups((current) => (current.includes(g) ? current.filter((x) => x !== g) : [...current, g]));
  return (
    <Stack spacing={2} sx={{ maxWidth: 900 }}>
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }} role="group" aria-label={t('caseFile.timelineAll')}>
        <Chip label={t('caseFile.timelineAll')} color={groups.length === 0 ? 'primary' : 'default'} onClick={() => setGroups([])} aria-pressed={groups.length === 0} />
        {timelineGroups.map((g) => (
          <Chip
            key={g}
            label={t(`timeline.groups.${g}`)}
            color={groups.includes(g) ? 'primary' : 'default'}
            variant={groups.includes(g) ? 'filled' : 'outlined'}
            onClick={() => toggle(g)}
            aria-pressed={groups.includes(g)}
          />
        ))}
      </Stack>
      <QueryState query={timeline}>
        {(data) =>
          data.hiddenUntilInterview ? (
            <Notice severity="info">{t('caseFile.timelineHidden')}</Notice>
          ) : data.entries.length === 0 ? (
            <Typography color="text.secondary">{t('caseFile.noEvents')}</Typography>
          ) : (
            <List aria-label={t('cases.tabs.timeline')} sx={{ bgcolor: 'background.paper', border: 1, borderColor: 'divider', borderRadius: 1 }}>
              {data.entries.map((e) => (
                <ListItem key={e.id} divider>
                  <ListItemText primary={sentence(e)} secondary={[format.dateTime(e.at), e.by, t(`timeline.groups.${e.group}`), ageThen(e.at)].filter(Boolean).join(' · ')} />
                </ListItem>
              ))}
            </List>
          )
        }
      </QueryState>
    </Stack>
  );
}
