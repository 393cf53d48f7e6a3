import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { AuditCheckpoint } from '../../../shared/contract/methods/audit';
import { stampCheckpoint } from './checkpoint-stamp';
import { removalReasons, type RemovalReason } from '../../../shared/interviews/categories';
import type { CourtSummaryData, SummaryInterview, SummaryRecording } from './court-summary-data';
import { courtSummaryLabels, type CourtSummaryLabels } from './court-summary-labels';
import {
  BOLD,
  BODY_SIZE,
  MONO,
  contentWidth,
  finishDocument,
  heightOf,
  prepareTable,
  drawTable,
  keepTogether,
  note,
  openDocument,
  pageRoom,
  paragraph,
  stampFooters,
  type Column,
  type FinishedPdf,
  type Pdf,
  REGULAR,
} from './pdf';

/**
 * The court-ready summary of a case: what the centre did for the child and
 * the proceedings, laid out for a court file. The data arrives already cut
 * to the redaction profile; this module decides only layout and words, and
 * reads no clock, locale or random source, so the same data and moment make
 * the same bytes.
 */

const MUTED = '#555555';
const BOX = '#f1f1f1';
const BOX_RULE = '#8a8a8a';
const LABEL_WIDTH = 165;
const GAP = 10;
const FIELD_GAP = 2;

/** Words and formats of one language, bound to the centre's clock. */
interface Words {
  t: CourtSummaryLabels;
  at: (moment: string | Date) => string;
  time: (moment: string) => string;
  day: (date: string) => string;
  dayOf: (moment: string) => string;
  range: (start: string, end: string) => string;
  count: (n: number) => string;
  size: (bytes: number) => string;
  duration: (seconds: number) => string;
}

function wordsFor(data: CourtSummaryData): Words {
  const t = courtSummaryLabels[data.language];
  // A moment is often printed more than once (a row's time, the day above it): each pattern formats it once.
  const memo = (pattern: string) => {
    const done = new Map<string, string>();
    return (moment: string | Date) => {
      const key = typeof moment === 'string' ? moment : moment.toISOString();
      let text = done.get(key);
      if (text === undefined) {
        text = format(new TZDate(new Date(moment).getTime(), data.timeZone), pattern);
        done.set(key, text);
      }
      return text;
    };
  };
  const at = memo(t.dateTime);
  const time = memo(t.time);
  const dayOf = memo(t.date);
  // A calendar date is no moment: read at noon, it formats as itself whatever the host's zone.
  const day = (date: string) => {
    const [y, m, d] = date.split('-').map(Number);
    return format(new Date(y!, m! - 1, d, 12), t.date);
  };
  const range = (start: string, end: string) => (dayOf(start) === dayOf(end) ? `${at(start)} – ${time(end)}` : `${at(start)} – ${at(end)}`);
  const count = (n: number) => String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, t.thousands);
  const size = (bytes: number) => {
    let value = bytes;
    let unit = 0;
    while (value >= 1000 && unit < t.sizeUnits.length - 1) {
      value /= 1000;
      unit += 1;
    }
    if (unit === 0) return `${count(bytes)} ${t.sizeUnits[0]}`;
    const tenths = Math.round(value * 10);
    const whole = Math.floor(tenths / 10);
    const fraction = tenths % 10;
    return `${count(whole)}${fraction === 0 ? '' : `${t.decimal}${fraction}`} ${t.sizeUnits[unit]}`;
  };
  const duration = (seconds: number) => {
    const total = Math.round(seconds);
    return t.hms(Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60);
  };
  return { t, at, time, day, dayOf, range, count, size, duration };
}

/** Section numbering: "1.", "2.", with "2.1" below. */
class Numbering {
  private section = 0;
  private sub = 0;
  next(): string {
    this.section += 1;
    this.sub = 0;
    return `${this.section}.`;
  }
  nextSub(): string {
    this.sub += 1;
    return `${this.section}.${this.sub}`;
  }
}

function sectionHeading(doc: Pdf, text: string, keepWith: number): void {
  doc.moveDown(0.8);
  keepTogether(doc, 30 + Math.min(keepWith, pageRoom(doc) / 2));
  const left = doc.page.margins.left;
  doc.font(BOLD).fontSize(13).fillColor('black').text(text, left, doc.y, { width: contentWidth(doc) });
  const y = doc.y + 2;
  doc.moveTo(left, y).lineTo(left + contentWidth(doc), y).lineWidth(0.75).stroke('black');
  doc.y = y + 6;
  doc.font(REGULAR).fontSize(BODY_SIZE);
}

function subheading(doc: Pdf, text: string, size: number, keepWith: number): void {
  doc.moveDown(0.5);
  keepTogether(doc, size * 2 + Math.min(keepWith, pageRoom(doc) / 2));
  doc.font(BOLD).fontSize(size).fillColor('black').text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.2);
  doc.font(REGULAR).fontSize(BODY_SIZE);
}

type Field = readonly [label: string, value: string];

interface MeasuredFields {
  rows: readonly Field[];
  heights: number[];
  total: number;
}

const valueWidth = (doc: Pdf) => contentWidth(doc) - LABEL_WIDTH - GAP;

/** The height of each label–value pair, so a heading can keep the whole block (or its start) with it. */
function measureFields(doc: Pdf, rows: readonly Field[]): MeasuredFields {
  const heights = rows.map(([label, value]) => {
    doc.font(BOLD).fontSize(BODY_SIZE);
    const labelHeight = heightOf(doc, label, LABEL_WIDTH);
    doc.font(REGULAR);
    return Math.max(labelHeight, heightOf(doc, value === '' ? '—' : value, valueWidth(doc))) + FIELD_GAP;
  });
  return { rows, heights, total: heights.reduce((sum, h) => sum + h, 0) };
}

/**
 * Label and value side by side, the value wrapping in its own column; a pair
 * never splits across pages.
 */
function fields(doc: Pdf, block: MeasuredFields | readonly Field[]): void {
  const { rows, heights } = 'heights' in block ? block : measureFields(doc, block);
  const left = doc.page.margins.left;
  rows.forEach(([label, value], i) => {
    // A pair longer than a page cannot be kept whole: it starts here if a few lines fit, and flows on.
    keepTogether(doc, heights[i]! > pageRoom(doc) ? 4 * doc.currentLineHeight(true) : heights[i]!);
    const y = doc.y;
    const page = doc.page;
    doc.font(BOLD).fontSize(BODY_SIZE).fillColor('black').text(label, left, y, { width: LABEL_WIDTH });
    doc.font(REGULAR).text(value === '' ? '—' : value, left + LABEL_WIDTH + GAP, y, { width: valueWidth(doc) });
    doc.x = left;
    // A value longer than a page flowed on to the next one: carry on below where it ended.
    doc.y = doc.page === page ? y + heights[i]! : doc.y + FIELD_GAP;
  });
}

function cover(doc: Pdf, data: CourtSummaryData, w: Words): void {
  const { t } = w;
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  doc.font(BOLD).fontSize(BODY_SIZE).fillColor(MUTED).text(data.centreName, left, doc.y, { width });
  doc.moveDown(0.3);
  doc.font(BOLD).fontSize(20).fillColor('black').text(t.title, left, doc.y, { width });
  doc.moveDown(0.6);

  // The profile stands out: a reader must see at once what this copy leaves out.
  const pad = 10;
  const inner = width - 2 * pad;
  const headline = `${t.profile}: ${t.profiles[data.profile]}`;
  doc.font(BOLD).fontSize(12);
  const headlineHeight = doc.heightOfString(headline, { width: inner });
  doc.font(REGULAR).fontSize(9);
  const meansHeight = doc.heightOfString(t.profileMeans[data.profile], { width: inner });
  const top = doc.y;
  const height = headlineHeight + 4 + meansHeight + 2 * pad;
  doc.lineWidth(1).rect(left, top, width, height).fillAndStroke(BOX, BOX_RULE);
  doc.font(BOLD).fontSize(12).fillColor('black').text(headline, left + pad, top + pad, { width: inner });
  doc.font(REGULAR).fontSize(9).text(t.profileMeans[data.profile], left + pad, top + pad + headlineHeight + 4, { width: inner });
  doc.x = left;
  doc.y = top + height + 14;
  doc.font(REGULAR).fontSize(BODY_SIZE);

  const files = data.fileNumbers;
  fields(doc, [
    [t.documentNumber, data.documentNumber],
    [t.caseReference, data.caseReference],
    [t.files.policeFile, files.policeFile || t.none],
    [t.files.prosecutorFile, files.prosecutorFile || t.none],
    [t.files.courtFile, files.courtFile || t.none],
    [t.files.childProtectionFile, files.childProtectionFile || t.none],
    [t.generated, `${w.at(data.generatedAt)} (${data.timeZone})`],
    [t.generatedBy, data.generatedBy.jobTitle ? `${data.generatedBy.name}, ${data.generatedBy.jobTitle}` : data.generatedBy.name],
    [t.recipient, data.recipient],
    [t.purpose, data.purpose],
  ]);
}

function child(doc: Pdf, data: CourtSummaryData, w: Words, n: Numbering): void {
  const { t } = w;
  const birth = data.child.birth === null ? t.birthUnknown : data.child.birth.length === 4 ? data.child.birth : w.day(data.child.birth);
  const total = data.interviews.length;
  const block = measureFields(doc, [
    [t.childName, data.child.name],
    [t.birth, birth],
    [t.languages, data.child.languages.join(', ') || t.none],
    [t.interpreterNeeded, data.child.interpreterNeeded ? t.interpreterIn(data.child.interpreterLanguage || t.none) : t.no],
    ...data.interviews.map(
      (i) => [t.ageAt(i.sequence, total), i.childAge === null ? t.ageUnknown : `${t.age(i.childAge)} (${w.dayOf(i.actualStart ?? i.scheduledStart)})`] as const,
    ),
  ]);
  sectionHeading(doc, `${n.next()} ${t.childSection}`, block.total);
  fields(doc, block);
}

/** A table under its own small heading, the heading kept with the table's first row. */
function titledTable(doc: Pdf, title: string, columns: readonly Column[], rows: readonly (readonly string[])[], empty: string, muted?: ReadonlySet<number>): void {
  if (rows.length === 0) {
    subheading(doc, title, BODY_SIZE + 1, 20);
    note(doc, empty);
    return;
  }
  const prepared = prepareTable(doc, columns, rows, BODY_SIZE - 1, muted);
  subheading(doc, title, BODY_SIZE + 1, prepared.lead + 4);
  drawTable(doc, prepared);
}

function interview(doc: Pdf, data: CourtSummaryData, w: Words, n: Numbering, item: SummaryInterview): void {
  const { t } = w;
  const yesNo = (value: boolean | null) => (value === null ? t.none : value ? t.yes : t.no);
  const { certifiedUntil, lapsed, recordedAfter } = item.interviewer;
  const until = certifiedUntil ? (lapsed ? t.certificationLapsed : t.certifiedUntil)(w.day(certifiedUntil)) : '';
  const later = recordedAfter ? t.certificationRecordedAfter(w.dayOf(recordedAfter)) : '';
  const certification = [item.interviewer.certification, until, later].filter(Boolean).join(', ') || t.none;
  const actual = item.actualStart ? (item.actualEnd ? w.range(item.actualStart, item.actualEnd) : `${w.at(item.actualStart)} – …`) : t.notHeldYet;
  const block = measureFields(doc, [
    [t.status, t.statuses[item.status]],
    [t.scheduled, w.range(item.scheduledStart, item.scheduledEnd)],
    [t.actual, actual],
    [t.breaks, item.breaks.length === 0 ? t.noBreaks : item.breaks.map((b) => `${w.time(b.start)}–${w.time(b.end)}`).join('; ')],
    [t.room, item.room],
    [t.observationRoom, item.observationRoom ?? t.none],
    [t.interviewer, item.interviewer.name],
    [t.certification, certification],
    [t.protocol, item.protocol ? t.protocols[item.protocol] : t.none],
    [t.questionsRelayed, yesNo(item.questionsRelayed)],
    [t.interpreter, item.interpreter ? `${item.interpreter.name} (${item.interpreter.language})` : t.none],
    [t.supportPerson, item.supportPerson || t.none],
  ]);
  // The facts of one interview read as one block: they start a page together.
  subheading(doc, `${n.nextSub()} ${t.interviewOf(item.sequence, data.interviews.length)} — ${w.dayOf(item.actualStart ?? item.scheduledStart)}`, 11, block.total);
  fields(doc, block);

  const absent = new Set<number>();
  item.attendance.forEach((a, index) => a.absent && absent.add(index));
  titledTable(
    doc,
    t.attendance,
    [
      { header: t.name, width: 4 },
      { header: t.agency, width: 3.6 },
      { header: t.role, width: 3 },
      { header: t.where, width: 3 },
      { header: t.arrived, width: 2.3 },
      { header: t.left, width: 2 },
    ],
    item.attendance.map((a) => [
      a.invited ? a.name : `${a.name} (${t.notInvited})`,
      t.agencies[a.agency],
      t.roles[a.role],
      t.locations[a.location],
      a.absent ? t.absentInvited : a.arrivedAt ? w.time(a.arrivedAt) : t.none,
      a.absent ? t.none : a.leftAt ? w.time(a.leftAt) : t.none,
    ]),
    t.noAttendance,
    absent,
  );

  if (item.recordings.length === 0) {
    subheading(doc, t.recordings, BODY_SIZE + 1, 20);
    note(doc, t.noRecordings);
  }
  item.recordings.forEach((r, index) => recording(doc, w, r, index, item.recordings.length));
}

const HASH_SIZE = 9.5;
const CUSTODY_SIZE = 8;

/** A removal's purpose is a reason from the list (worded in the document's language); a copy's is free text. */
function removalReasonOr(t: CourtSummaryLabels, purpose: string): string {
  return (removalReasons as readonly string[]).includes(purpose) ? t.removalReasons[purpose as RemovalReason] : purpose;
}

function recording(doc: Pdf, w: Words, r: SummaryRecording, index: number, count: number): void {
  const { t } = w;
  const left = doc.page.margins.left;
  const check = r.lastCheck === null ? t.notChecked : r.lastCheck.ok ? t.checkOk(w.at(r.lastCheck.at)) : t.checkFailed(w.at(r.lastCheck.at));
  const block = measureFields(doc, [
    [t.fileName, r.fileName ?? t.fileNameWithheld(index + 1, count)],
    [t.format, r.format || t.none],
    [t.size, `${w.size(r.size)} (${t.bytes(w.count(r.size))})`],
    [t.duration, r.durationSeconds === null ? t.durationUnknown : w.duration(r.durationSeconds)],
    [t.registered, t.registeredLine(w.at(r.registeredAt), r.registeredBy)],
    [t.lastCheck, check],
    ...(r.deletedAt ? [[t.deleted, w.at(r.deletedAt)] as const] : []),
  ]);
  const hashHeight = 34;
  const title = t.recordingOf(index + 1, count, t.recordingKinds[r.kind]);
  subheading(doc, title, BODY_SIZE + 1, block.total + hashHeight);
  fields(doc, block);

  // The hash on a line of its own, in a fixed-width face: compared by eye, and copied out whole.
  doc.font(BOLD).fontSize(BODY_SIZE).fillColor('black').text(t.sha256, left, doc.y + 2, { width: contentWidth(doc) });
  doc.font(MONO).fontSize(HASH_SIZE).text(r.sha256, left, doc.y + 1, { width: contentWidth(doc), lineBreak: false });
  doc.font(REGULAR).fontSize(BODY_SIZE);
  doc.moveDown(0.4);

  if (r.custody === null) {
    keepTogether(doc, 16);
    note(doc, `${t.custody}: ${t.custodyCount(r.custodyCount)}`);
    return;
  }
  const columns: Column[] = [
    { header: t.custodyAt, width: 3 },
    { header: t.custodyBy, width: 3 },
    { header: t.custodyAction, width: 2.6 },
    { header: t.custodyDetails, width: 5 },
  ];
  const rows = r.custody.map((c) => [
    w.at(c.at),
    c.by,
    t.custodyActions[c.action],
    [c.recipient && `${c.recipient}${c.recipientAgency ? ` (${c.recipientAgency})` : ''}`, c.medium, removalReasonOr(t, c.purpose), c.note].filter(Boolean).join('; '),
  ]);
  const prepared = rows.length === 0 ? null : prepareTable(doc, columns, rows, CUSTODY_SIZE);
  keepTogether(doc, 16 + (prepared?.lead ?? 16));
  doc.font(BOLD).fontSize(BODY_SIZE).fillColor('black').text(t.custody, left, doc.y, { width: contentWidth(doc) });
  doc.font(REGULAR).moveDown(0.15);
  if (prepared) drawTable(doc, prepared);
  else note(doc, t.noCustody);
}


function oneInterview(doc: Pdf, data: CourtSummaryData, w: Words, n: Numbering): void {
  const { t } = w;
  const record = data.oneInterview;
  sectionHeading(doc, `${n.next()} ${t.oneInterviewSection}`, 40);
  paragraph(doc, t.interviewCount(record.count));
  if (record.supplementary.length === 0) {
    subheading(doc, t.supplementary, BODY_SIZE + 1, 20);
    note(doc, t.noSupplementary);
  }
  record.supplementary.forEach((s, index) => {
    const d = s.decision;
    const block = measureFields(doc, [
      [t.reason, t.reasons[s.reason]],
      [t.justification, s.details],
      [t.requested, t.registeredLine(w.at(s.requestedAt), s.requestedBy)],
      [t.requestState, t.requestStates[s.state]],
      [t.decision, d ? t.decisionLine(t.deciders[d.deciderRole], d.deciderName, w.at(d.decidedAt)) : t.noDecision],
      ...(d ? [[t.sameInterviewer, d.sameInterviewer ? t.yes : t.no] as const] : []),
      ...(d?.note ? [[t.note, d.note] as const] : []),
      ...(s.usedFor !== null ? [[t.usedFor, t.usedForInterview(s.usedFor)] as const] : []),
    ]);
    subheading(doc, `${t.supplementary} — ${t.requestOf(index + 1, record.supplementary.length)}`, BODY_SIZE + 1, block.total);
    fields(doc, block);
  });
  titledTable(
    doc,
    t.cancelledInterviews,
    [
      { header: t.scheduled, width: 3 },
      { header: t.reason, width: 7 },
    ],
    record.cancelled.map((c) => [w.at(c.scheduledStart), c.reason || t.none]),
    t.noCancelled,
  );
}

function followUp(doc: Pdf, data: CourtSummaryData, w: Words, n: Numbering): void {
  const { t } = w;
  const f = data.followUp;
  sectionHeading(doc, `${n.next()} ${t.followUpSection}`, 40);
  if (f.withheld) {
    paragraph(doc, t.withheld);
    return;
  }
  note(doc, t.neverClinical);

  const leftOut = (title: string) => {
    subheading(doc, title, BODY_SIZE + 1, 20);
    note(doc, t.leftOutByProfile);
  };

  if (f.medical === null) leftOut(t.medical);
  else
    titledTable(
      doc,
      t.medical,
      [
        { header: t.when, width: 3 },
        { header: t.examKind, width: 3.6 },
        { header: t.status, width: 2 },
        { header: t.examiner, width: 3 },
        { header: t.pendingFollowups, width: 2.2 },
      ],
      f.medical.map((m) => [w.at(m.performedAt ?? m.startsAt), t.examKinds[m.kind], t.examStatuses[m.status], m.examiner, w.count(m.pendingFollowups)]),
      t.noExams,
    );

  if (f.therapy === null) leftOut(t.therapy);
  else {
    titledTable(
      doc,
      t.therapy,
      [
        { header: t.when, width: 3 },
        { header: t.duration, width: 1.9 },
        { header: t.sessionType, width: 3.4 },
        { header: t.attendance, width: 2.2 },
        { header: t.therapist, width: 3 },
      ],
      f.therapy.sessions.map((s) => [w.at(s.startsAt), t.minutes(s.durationMinutes), t.sessionTypes[s.type], t.therapyAttendance[s.attendance], s.therapist]),
      t.noSessions,
    );
    if (f.therapy.closed || f.therapy.sessions.length > 0) {
      keepTogether(doc, 16);
      paragraph(doc, f.therapy.closed ? t.therapyClosed(w.dayOf(f.therapy.closed.at), t.closureReasons[f.therapy.closed.reason]) : t.therapyOpen);
    }
  }

  if (f.referrals === null) leftOut(t.referrals);
  else
    titledTable(
      doc,
      t.referrals,
      [
        { header: t.sent, width: 3 },
        { header: t.service, width: 3.2 },
        { header: t.serviceName, width: 4 },
        { header: t.status, width: 2 },
      ],
      f.referrals.map((r) => [w.at(r.sentAt), t.serviceKinds[r.service], r.serviceName || t.none, t.referralStatuses[r.status]]),
      t.noReferrals,
    );

  if (f.meetings === null) leftOut(t.meetings);
  else
    titledTable(
      doc,
      t.meetings,
      [
        { header: t.when, width: 3 },
        { header: t.meetingType, width: 4 },
        { header: t.status, width: 2 },
      ],
      f.meetings.map((m) => [w.at(m.startsAt), t.meetingTypes[m.type], t.meetingStatuses[m.status]]),
      t.noMeetings,
    );
}

function consents(doc: Pdf, data: CourtSummaryData, w: Words, n: Numbering): void {
  if (data.consents === null) return;
  const { t } = w;
  const columns: Column[] = [
    { header: t.consentScope, width: 4 },
    { header: t.consentDecision, width: 2 },
    { header: t.consentBy, width: 3 },
    { header: t.when, width: 3 },
    { header: t.withdrawn, width: 3 },
  ];
  const rows = data.consents.map((c) => [t.consentScopes[c.scope], t.consentDecisions[c.decision], c.byName, w.at(c.at), c.withdrawnAt ? w.at(c.withdrawnAt) : t.none]);
  const prepared = rows.length === 0 ? null : prepareTable(doc, columns, rows);
  sectionHeading(doc, `${n.next()} ${t.consentsSection}`, prepared?.lead ?? 20);
  if (prepared) drawTable(doc, prepared);
  else note(doc, t.noConsents);
}

/** Two signature blocks side by side, kept with their heading on one page. */
function signatures(doc: Pdf, data: CourtSummaryData, w: Words, n: Numbering): void {
  const { t } = w;
  sectionHeading(doc, `${n.next()} ${t.signaturesSection}`, 175);
  const left = doc.page.margins.left;
  const gap = 30;
  const column = (contentWidth(doc) - gap) / 2;
  const top = doc.y + 6;
  const block = (x: number, role: string, name: string | null) => {
    const lineAt = (y: number, label: string) => {
      doc.font(REGULAR).fontSize(9).fillColor(MUTED).text(label, x, y - 11, { width: column, lineBreak: false });
      doc.moveTo(x, y + 4).lineTo(x + column, y + 4).lineWidth(0.5).stroke('black');
    };
    doc.font(BOLD).fontSize(BODY_SIZE).fillColor('black').text(role, x, top, { width: column });
    // No one recorded in the role: the name is written in by hand, like the signature.
    if (name === null) lineAt(top + 44, t.name);
    else doc.font(REGULAR).text(name, x, top + 16, { width: column, height: 28, ellipsis: true });
    lineAt(top + 84, t.signature);
    lineAt(top + 120, t.signedOn);
    doc.fillColor('black');
  };
  block(left, t.coordinator, data.signatures.coordinator);
  block(left + column + gap, t.interviewer, data.signatures.interviewer);
  doc.x = left;
  doc.y = top + 140;
  note(doc, t.verifyHint(data.documentNumber));
}

/** The court-ready summary of a case, as one finished PDF; `checkpoint`, the audit log's at issue, is printed at the foot of the last page. */
export function courtSummaryPdf(data: CourtSummaryData, checkpoint?: AuditCheckpoint): FinishedPdf {
  const w = wordsFor(data);
  const { t } = w;
  const doc = openDocument({
    title: `${t.title} ${data.caseReference}`,
    language: data.language,
    createdAt: data.generatedAt,
    identifier: data.documentNumber,
    subject: [data.recipient, data.purpose].filter(Boolean).join(' — '),
  });
  const n = new Numbering();
  cover(doc, data, w);
  child(doc, data, w, n);
  // The section heading stays with the first interview's heading and facts.
  sectionHeading(doc, `${n.next()} ${t.interviewsSection}`, 240);
  if (data.interviews.length === 0) note(doc, t.noInterviews);
  for (const item of data.interviews) interview(doc, data, w, n, item);
  oneInterview(doc, data, w, n);
  followUp(doc, data, w, n);
  consents(doc, data, w, n);
  signatures(doc, data, w, n);
  if (checkpoint) stampCheckpoint(doc, data.language, checkpoint, w.at(checkpoint.at));
  stampFooters(doc, (page, pages) => t.footer(page, pages, data.documentNumber, data.caseReference));
  return finishDocument(doc);
}
