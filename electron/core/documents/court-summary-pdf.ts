import type { CourtSummaryData } from './court-summary-data';
import type { FinishedPdf } from './pdf';

/** The court-ready summary of a case (stub: the layout is being written). */
export function courtSummaryPdf(data: CourtSummaryData): FinishedPdf {
  throw new Error(`court summary layout not written yet (${data.documentNumber})`);
}
