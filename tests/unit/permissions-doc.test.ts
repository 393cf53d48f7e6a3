import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { methodNames } from '../../shared/contract';
import { PERMISSIONS_DOC, renderPermissionsDoc } from '../../scripts/permissions-doc';

describe('docs/permissions.md', () => {
  it('is what the code says (run npm run docs:permissions after changing roles or methods)', () => {
    expect(fs.readFileSync(PERMISSIONS_DOC, 'utf8')).toBe(renderPermissionsDoc());
  });

  it('lists every method', () => {
    const doc = renderPermissionsDoc();
    for (const name of methodNames) expect(doc).toContain(`| \`${name}\` |`);
  });
});
