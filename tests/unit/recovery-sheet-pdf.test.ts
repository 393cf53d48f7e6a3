import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyLines, recoverySheetPdf, RESTORE_COMMAND } from '../../electron/core/documents/recovery-sheet-pdf';
import { tempDir } from '../support/temp';

const KEY = '53461-79147-51888-42417-09154-89322-28963-02936-17665';

function textOf(bytes: Buffer): string {
  const file = path.join(tempDir(), 'sheet.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

describe('the recovery sheet', () => {
  it('prints the key three groups to a line', () => {
    expect(keyLines(KEY)).toEqual(['53461  79147  51888', '42417  09154  89322', '28963  02936  17665']);
  });

  it.each(['en', 'ro', 'bg'] as const)('in %s: one page with the centre, the key, its fingerprint, the restore command and where to keep it', (language) => {
    const pdf = recoverySheetPdf({
      language,
      centreName: 'Barnahus Ștefănești',
      timeZone: 'Europe/Bucharest',
      recoveryKey: KEY,
      fingerprint: '3093-decb',
      createdAt: new Date('2026-12-08T00:10:00Z'),
      createdBy: 'Ана Иванова',
    });
    expect(pdf.pages).toBe(1);
    const text = textOf(pdf.bytes);
    expect(text).toContain('Barnahus Ștefănești');
    for (const line of keyLines(KEY)) expect(text).toContain(line.split('  ')[0]);
    expect(text).toContain('3093-decb');
    expect(text.replace(/\s+/g, ' ')).toContain(RESTORE_COMMAND);
    // Created 02:10 on the centre's clock (00:10 UTC).
    expect(text).toContain('02:10');
    expect(text).toMatch({ en: /director's safe/, ro: /seiful directorului/, bg: /сейфа на директора/ }[language]);
    expect(pdf.fileName).toMatch(/^barnahus-.+-2026-12-08\.pdf$/);
  });
});
