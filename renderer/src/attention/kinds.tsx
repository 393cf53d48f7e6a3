import AssignmentLateOutlined from '@mui/icons-material/AssignmentLateOutlined';
import ChecklistOutlined from '@mui/icons-material/ChecklistOutlined';
import EventBusyOutlined from '@mui/icons-material/EventBusyOutlined';
import MedicalServicesOutlined from '@mui/icons-material/MedicalServicesOutlined';
import PsychologyOutlined from '@mui/icons-material/PsychologyOutlined';
import ScienceOutlined from '@mui/icons-material/ScienceOutlined';
import SendOutlined from '@mui/icons-material/SendOutlined';
import TimerOutlined from '@mui/icons-material/TimerOutlined';
import type { SvgIconProps } from '@mui/material/SvgIcon';
import type { TFunction } from 'i18next';
import type { ComponentType } from 'react';
import type { AttentionItem } from '../../../shared/contract/followup-records';
import { attentionKinds, type AttentionKind } from '../../../shared/followup/categories';
import { isGranted, type Role, type RolePermission } from '../../../shared/permissions';

/** One icon per kind, so a long list can be scanned by shape as well as by words. */
export const kindIcons: Record<AttentionKind, ComponentType<SvgIconProps>> = {
  deadline: TimerOutlined,
  task: AssignmentLateOutlined,
  action_item: ChecklistOutlined,
  referral: SendOutlined,
  therapy_no_shows: EventBusyOutlined,
  therapy_review: PsychologyOutlined,
  medical_followup: ScienceOutlined,
  medical_exam_unrecorded: MedicalServicesOutlined,
};

/** Kinds due on a calendar date: their dueAt is the end of that day, so the screen names the day, not midnight. */
/** Kinds the host only lists for some disciplines (see electron/core/followup/attention.ts): no empty card for the rest. */
const kindPermission: Partial<Record<AttentionKind, RolePermission[]>> = {
  therapy_review: ['notes.therapy'],
  medical_followup: ['notes.medical'],
  medical_exam_unrecorded: ['notes.medical', 'medical.schedule'],
};

export function kindsFor(roles: readonly Role[]): AttentionKind[] {
  return attentionKinds.filter((kind) => (kindPermission[kind] ?? ['cases.read']).some((p) => isGranted(p, roles)));
}

export const dueOnDay: ReadonlySet<AttentionKind> = new Set(['action_item', 'referral', 'therapy_review', 'medical_followup']);

/** Where the item is dealt with: the case tab (or meeting) that holds it. */
export function attentionLink(item: AttentionItem): string {
  const tab = (name: string) => `/cases/${item.caseId}?tab=${name}`;
  switch (item.kind) {
    case 'deadline':
    case 'task':
      return `/cases/${item.caseId}`;
    case 'action_item':
      return item.meetingId === null ? `/cases/${item.caseId}` : `/meetings/${item.meetingId}`;
    case 'referral':
      return tab('referrals');
    case 'therapy_no_shows':
    case 'therapy_review':
      return tab('therapy');
    case 'medical_followup':
    case 'medical_exam_unrecorded':
      return tab('medical');
  }
}

/**
 * What needs doing, in words. `what` is a category value for deadlines, tasks and
 * unrecorded exams, a count of no-shows, a review date, or free text for the rest.
 */
export function attentionWhat(t: TFunction, item: AttentionItem, day: (date: string) => string): string {
  switch (item.kind) {
    case 'deadline':
      return t(`categories.milestone.${item.what}` as never);
    case 'task':
      return t(`categories.task.${item.what}` as never);
    case 'action_item':
      return item.what;
    case 'referral':
      return t('dashboard.what.referral', { service: item.what });
    case 'therapy_no_shows':
      return t('dashboard.what.therapy_no_shows', { count: Number(item.what) });
    case 'therapy_review':
      return t('dashboard.what.therapy_review', { date: day(item.what) });
    case 'medical_followup':
      return t('dashboard.what.medical_followup', { what: item.what });
    case 'medical_exam_unrecorded':
      return t('dashboard.what.medical_exam_unrecorded', { exam: t(`medical.kinds.${item.what}` as never) });
  }
}
