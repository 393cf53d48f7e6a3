import { z } from 'zod';
import { documentKinds, documentLanguages, documentNumberPattern, redactionProfiles } from '../../documents/profiles';
import { defineMethod } from '../define';
import { checkMessages, idSchema, nonBlankText, timestampSchema } from '../fields';

/** Documents the centre issues (court-ready case summaries), kept by their SHA-256 so a file can be checked later. */

const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);

export const issuedDocumentSchema = z.object({
  id: idSchema,
  /** Printed on every page and in the file's metadata: DOC-2026-00017. */
  number: z.string().regex(documentNumberPattern),
  kind: z.enum(documentKinds),
  /** The case of a court summary; null for meeting minutes. */
  caseId: idSchema.nullable(),
  caseReference: z.string().nullable(),
  /** The meeting of minutes; null for a court summary. */
  meetingId: idSchema.nullable(),
  /** A court summary's redaction profile; null for minutes, which hold the cases their reader may see. */
  profile: z.enum(redactionProfiles).nullable(),
  language: z.enum(documentLanguages),
  recipient: z.string(),
  purpose: z.string(),
  generatedAt: timestampSchema,
  generatedBy: z.string(),
  /** Its issuer, who (like a coordinator) may withdraw it. */
  generatedById: idSchema,
  sha256: sha256Schema,
  size: z.number().int().positive(),
  pages: z.number().int().positive(),
  /** Set once the document is withdrawn: it must no longer be relied on. */
  withdrawal: z.object({ at: timestampSchema, by: z.string(), reason: z.string() }).nullable(),
});
export type IssuedDocument = z.infer<typeof issuedDocumentSchema>;

export const pdfFileSchema = z.object({ document: issuedDocumentSchema, fileName: z.string(), pdf: z.string().describe('the PDF, base64') });

export const verdicts = ['issued', 'withdrawn', 'altered', 'unknown'] as const;
export type Verdict = (typeof verdicts)[number];

export const documentMethods = {
  'documents.courtSummary': defineMethod({
    summary:
      "Issue the court-ready summary of a case as a PDF/A document: cover, the child, each interview with attendance and recordings (SHA-256, custody), the one-interview record, follow-up as consent and the redaction profile allow, signature block. Its SHA-256 is kept so documents.verify can recognise it; the case timeline records it. The internal profile is for coordinators.",
    permission: 'documents.issue',
    mutates: true,
    audit: 'every-call',
    input: z.strictObject({
      caseId: idSchema,
      profile: z.enum(redactionProfiles, { message: checkMessages.invalidChoice }),
      language: z.enum(documentLanguages, { message: checkMessages.invalidChoice }),
      recipient: nonBlankText(200),
      purpose: nonBlankText(500),
    }),
    output: pdfFileSchema,
    example: { caseId: 1, profile: 'court', language: 'ro', recipient: 'Tribunalul București, Secția penală', purpose: 'Evidence file for the hearing of 12 January 2027' },
  }),
  'documents.list': defineMethod({
    summary: 'The documents issued for a case, newest first: number, profile, recipient, purpose, when and by whom, SHA-256.',
    permission: 'cases.read',
    mutates: false,
    audit: 'every-call',
    input: z.strictObject({ caseId: idSchema }),
    output: z.object({ documents: z.array(issuedDocumentSchema) }),
    example: { caseId: 1 },
  }),
  'documents.download': defineMethod({
    summary: 'The issued file again, byte for byte as it was issued (base64).',
    permission: 'documents.issue',
    mutates: false,
    audit: 'every-call',
    input: z.strictObject({ documentId: idSchema }),
    output: pdfFileSchema,
    example: { documentId: 1 },
  }),
  'documents.withdraw': defineMethod({
    summary:
      "Withdraw an issued document that must no longer be relied on (sent to the wrong recipient, a fact corrected since), with the reason. The file stays in the register; documents.verify answers 'withdrawn' for it from then on, and a court summary's case timeline records it. Its issuer or a coordinator may withdraw it, once.",
    permission: 'documents.issue',
    mutates: true,
    audit: 'every-call',
    input: z.strictObject({ documentId: idSchema, reason: nonBlankText(500) }),
    output: issuedDocumentSchema,
    example: { documentId: 1, reason: 'Sent to the wrong court; reissued as DOC-2026-00018.' },
  }),
  'documents.verify': defineMethod({
    summary:
      "Check a file against the documents the centre issued, by its SHA-256 (the screen computes it from the dropped file, so the file never travels) and the document number its metadata claims. 'issued': an unaltered document, its number and issue date. 'withdrawn': an unaltered document the centre has since withdrawn, and when. 'altered': it claims to be a document the centre issued but its bytes differ. 'unknown': not a document of this centre. The document's record (case, recipient, purpose, issuer; by whom and why it was withdrawn) comes as details only to a caller who may see its case (or, for minutes, its meeting).",
    permission: 'cases.read',
    mutates: false,
    audit: 'every-call',
    input: z.strictObject({
      sha256: sha256Schema,
      /** From the file's XMP dc:identifier (shared/documents/profiles.ts claimedDocumentNumber), or null when it names none. */
      claimedNumber: z.string().regex(documentNumberPattern, { message: checkMessages.documentNumber }).nullable(),
    }),
    output: z.object({
      verdict: z.enum(verdicts),
      /** The document the file is ('issued', 'withdrawn') or claims to be ('altered'): its number and dates only; null when unknown. */
      document: issuedDocumentSchema.pick({ number: true, generatedAt: true }).extend({ withdrawnAt: timestampSchema.nullable() }).nullable(),
      /** The whole record (case, recipient, purpose, issuer, withdrawal), whatever the verdict, only for a caller who may see the case or meeting. */
      details: issuedDocumentSchema.nullable(),
    }),
    example: { sha256: 'a'.repeat(64), claimedNumber: 'DOC-2026-00017' },
  }),
};
