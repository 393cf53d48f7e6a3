import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { Meeting } from '../../../shared/contract/followup-records';
import type { AuditCheckpoint } from '../../../shared/contract/methods/audit';
import { stampCheckpoint } from './checkpoint-stamp';
import { minutesLabels } from './minutes-labels';
import { BOLD, BODY_SIZE, finishDocument, heading, keepTogether, labelled, note, openDocument, paragraph, stampFooters, table, type DocumentLanguage, type FinishedPdf, type Pdf } from './pdf';

export interface MinutesInput {
  language: DocumentLanguage;
  centreName: string;
  /** The centre's zone: times print as the centre's wall clock shows them. */
  timeZone: string;
  /** The meeting as the reader may see it: only their cases are printed. */
  meeting: Meeting;
  generatedAt: Date;
  /** The issued document's number, printed on every page and written as XMP dc:identifier so documents.verify can tell a copy. */
  number: string;
}

function subheading(doc: Pdf, text: string): void {
  keepTogether(doc, BODY_SIZE * 4);
  doc.moveDown(0.4);
  doc.font(BOLD).fontSize(BODY_SIZE).text(text, doc.page.margins.left, doc.y);
  doc.moveDown(0.15);
}

/** The minutes of a case review meeting: who met, about which children, what they decided and who does what by when. */
export function minutesPdf(input: MinutesInput, checkpoint?: AuditCheckpoint): FinishedPdf {
  const t = minutesLabels[input.language];
  const { meeting } = input;
  const at = (moment: string | Date) => format(new TZDate(new Date(moment).getTime(), input.timeZone), t.dateTime);
  const day = (date: string) => {
    const [y, m, d] = date.split('-').map(Number);
    return format(new Date(y!, m! - 1, d), t.date);
  };
  const doc = openDocument({ title: t.title, language: input.language, createdAt: input.generatedAt, identifier: input.number, subject: `${t.title} · ${input.centreName}` });

  doc.font(BOLD).fontSize(BODY_SIZE).fillColor('#555555').text(input.centreName);
  doc.fillColor('black').moveDown(0.2);
  heading(doc, t.title, 16);
  labelled(doc, t.type, t.meetingTypes[meeting.type]);
  labelled(doc, t.when, `${at(meeting.startsAt)} (${input.timeZone})`);
  labelled(doc, t.duration, t.minutes(meeting.durationMinutes));
  labelled(doc, t.place, meeting.place || '—');
  labelled(doc, t.chair, meeting.chairName);
  labelled(doc, t.status, t.statuses[meeting.status]);
  if (meeting.heldAt) labelled(doc, t.heldAt, at(meeting.heldAt));
  if (meeting.cancelReason) labelled(doc, t.cancelReason, meeting.cancelReason);

  doc.moveDown(0.8);
  heading(doc, t.members, 12);
  if (meeting.members.length === 0) note(doc, t.noMembers);
  else
    table(
      doc,
      [
        { header: t.name, width: 5 },
        { header: t.agency, width: 4 },
        { header: t.attendance, width: 2 },
      ],
      meeting.members.map((m) => [m.name, t.agencies[m.agency], m.present ? t.present : t.absent]),
    );

  doc.moveDown(0.6);
  heading(doc, t.cases, 12);
  for (const c of meeting.cases) {
    doc.moveDown(0.4);
    heading(doc, `${c.reference} — ${c.childName}`, 11);
    subheading(doc, t.agenda);
    paragraph(doc, c.agenda, t.noAgenda);
    subheading(doc, t.decisions);
    paragraph(doc, c.decisions, t.noDecisions);
    subheading(doc, t.actions);
    const actions = meeting.actions.filter((a) => a.caseId === c.caseId);
    if (actions.length === 0) note(doc, t.noActions);
    else
      table(
        doc,
        [
          { header: t.what, width: 6 },
          { header: t.owner, width: 3 },
          { header: t.agency, width: 3 },
          { header: t.due, width: 2.2 },
          { header: t.state, width: 2.2 },
        ],
        actions.map((a) => [a.what, a.ownerName, t.agencies[a.agency], day(a.dueDate), a.overdue ? `${t.states[a.state]} (${t.overdue})` : t.states[a.state]]),
      );
  }
  if (meeting.hiddenCases > 0) {
    doc.moveDown(0.6);
    note(doc, t.hiddenCases(meeting.hiddenCases));
  }

  const generated = at(input.generatedAt);
  if (checkpoint) stampCheckpoint(doc, input.language, checkpoint, at(checkpoint.at));
  stampFooters(doc, (page, pages) => t.footer(page, pages, input.number, meeting.id, generated));
  return finishDocument(doc);
}
