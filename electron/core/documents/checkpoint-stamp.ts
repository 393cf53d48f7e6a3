import type { AuditCheckpoint } from '../../../shared/contract/methods/audit';
import { contentWidth, MONO, REGULAR, type DocumentLanguage, type Pdf } from './pdf';

/**
 * The audit checkpoint printed at the foot of a document's last page: the
 * paper copy is an anchor of the audit log no one at the centre can rewrite.
 * The head prints in full, in groups of eight, because a few characters could
 * be matched by grinding a rewritten entry; audit.verify takes it typed back.
 */

const labels: Record<DocumentLanguage, { checkpoint: (entry: number, at: string) => string; head: string }> = {
  en: { checkpoint: (entry, at) => `Audit checkpoint: entry ${entry} · ${at}`, head: 'head' },
  ro: { checkpoint: (entry, at) => `Punct de control al jurnalului de audit: intrarea ${entry} · ${at}`, head: 'hash' },
  bg: { checkpoint: (entry, at) => `Контролна точка на одитния дневник: запис ${entry} · ${at}`, head: 'хеш' },
};

export function groupedHead(head: string): string {
  return head.match(/.{1,8}/g)!.join(' ');
}

/** Call after the content and before the page footers; `at` is the checkpoint's time already on the centre's clock. */
export function stampCheckpoint(doc: Pdf, language: DocumentLanguage, checkpoint: AuditCheckpoint, at: string): void {
  const t = labels[language];
  const { start, count } = doc.bufferedPageRange();
  doc.switchToPage(start + count - 1);
  // Below the content (which stops at the bottom margin) and above "page X of Y": never a page of its own.
  const margin = doc.page.margins.bottom;
  doc.page.margins.bottom = 0;
  const left = doc.page.margins.left;
  const top = doc.page.height - margin + 4;
  const options = { width: contentWidth(doc), align: 'center', lineBreak: false } as const;
  doc.font(REGULAR).fontSize(7.5).fillColor('#555555').text(t.checkpoint(checkpoint.entry, at), left, top, options);
  doc.font(MONO).fontSize(7.5).text(`${t.head} ${groupedHead(checkpoint.head)}`, left, top + 10, options);
  doc.page.margins.bottom = margin;
  doc.font(REGULAR).fillColor('black');
}
