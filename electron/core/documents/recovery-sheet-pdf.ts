import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { BOLD, BODY_SIZE, contentWidth, finishDocument, heading, labelled, MONO, note, openDocument, paragraph, REGULAR, stampFooters, type DocumentLanguage, type FinishedPdf } from './pdf';
import { recoverySheetLabels } from './recovery-sheet-labels';

export interface RecoverySheetInput {
  language: DocumentLanguage;
  centreName: string;
  timeZone: string;
  recoveryKey: string;
  fingerprint: string;
  createdAt: Date;
  createdBy: string;
}

export const RESTORE_COMMAND = 'npm run host -- restore --from SET_DIR --data NEW_DIR --recovery-key';

/** The key as groups a person copies without losing their place: the engine's own groups, three to a line (nine groups of five digits make a square). */
export function keyLines(recoveryKey: string): string[] {
  const groups = recoveryKey.trim().split(/[\s-]+/).filter(Boolean);
  const lines: string[] = [];
  for (let i = 0; i < groups.length; i += 3) lines.push(groups.slice(i, i + 3).join('  '));
  return lines;
}

/**
 * The recovery sheet: the one paper copy of the recovery key, for the
 * director's safe. It is made once, in the answer to backups.createRecoveryKey,
 * and never kept, because it holds the key.
 */
export function recoverySheetPdf(input: RecoverySheetInput): FinishedPdf & { fileName: string } {
  const t = recoverySheetLabels[input.language];
  const local = new TZDate(input.createdAt.getTime(), input.timeZone);
  const doc = openDocument({ title: t.title, language: input.language, createdAt: input.createdAt, subject: `${t.title} · ${input.centreName}` });
  const left = doc.page.margins.left;

  heading(doc, t.title, 18);
  labelled(doc, t.centre, input.centreName);
  labelled(doc, t.created, `${format(local, t.dateTime)} (${input.timeZone})`);
  labelled(doc, t.createdBy, input.createdBy);
  doc.moveDown(1);

  doc.font(BOLD).fontSize(BODY_SIZE).text(t.key, left, doc.y);
  doc.moveDown(0.4);
  const lines = keyLines(input.recoveryKey);
  const boxTop = doc.y;
  const lineHeight = 26;
  const boxHeight = lines.length * lineHeight + 20;
  doc.lineWidth(1.5).rect(left, boxTop, contentWidth(doc), boxHeight).stroke('#000000');
  doc.font(MONO).fontSize(18).fillColor('black');
  lines.forEach((line, i) => doc.text(line, left, boxTop + 12 + i * lineHeight, { width: contentWidth(doc), align: 'center', lineBreak: false }));
  doc.y = boxTop + boxHeight + 8;
  doc.font(REGULAR).fontSize(BODY_SIZE);
  labelled(doc, t.fingerprint, input.fingerprint);
  doc.moveDown(1);

  heading(doc, t.whatTitle, 12);
  paragraph(doc, t.what);
  doc.moveDown(0.8);
  heading(doc, t.keepTitle, 12);
  doc.font(REGULAR).fontSize(BODY_SIZE).list(t.keep, left, doc.y, { width: contentWidth(doc), bulletRadius: 2, textIndent: 12 });
  doc.moveDown(0.8);
  heading(doc, t.restoreTitle, 12);
  paragraph(doc, t.restore);
  doc.moveDown(0.3);
  doc.font(MONO).fontSize(BODY_SIZE).text(RESTORE_COMMAND, left + 12, doc.y, { width: contentWidth(doc) - 12 });
  doc.moveDown(0.3);
  paragraph(doc, t.restoreAfter);
  doc.moveDown(0.8);
  note(doc, t.replaced);

  stampFooters(doc, t.footer);
  const pdf = finishDocument(doc);
  return { ...pdf, fileName: t.fileName(format(local, 'yyyy-MM-dd')) };
}
