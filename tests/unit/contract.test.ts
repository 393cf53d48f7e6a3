import { describe, expect, it } from 'vitest';
import { contract, errorBodySchema, errorStatus, methodNames } from '../../shared/contract';
import { buildOpenApiDocument } from '../../shared/openapi';
import { isGranted, permissions, roles, rolePermissions } from '../../shared/permissions';
import { workstationContract } from '../../shared/workstation';
import { handlers } from '../../electron/core/handlers';

describe('the contract', () => {
  it('names every method area.verb', () => {
    for (const name of methodNames) expect(name).toMatch(/^[a-z]+\.[a-z][A-Za-z]*$/);
  });

  it('has a valid example input for every method', () => {
    for (const name of methodNames) {
      const result = contract[name].input.safeParse(contract[name].example);
      expect(result.success, `${name} example`).toBe(true);
    }
  });

  it('has exactly one handler per method, and no handler without a method', () => {
    expect(Object.keys(handlers).sort()).toEqual([...methodNames].sort());
  });

  it('names a known permission or access level on every method', () => {
    const known = new Set<string>(['public', 'signed-in', ...permissions]);
    for (const name of methodNames) expect(known.has(contract[name].permission), name).toBe(true);
  });

  it('keeps the public LAN API shapes of first run and sign-in', () => {
    expect(contract['setup.initialize'].input.safeParse({ centreName: 'C', admin: { username: 'abc', password: 'x'.repeat(12), displayName: 'D' } }).success).toBe(true);
    expect(Object.keys(contract['auth.login'].output.shape)).toEqual(expect.arrayContaining(['token', 'user']));
    expect(contract['auth.login'].input.safeParse({ username: 'a', password: 'b' }).success).toBe(true);
  });

  it('rejects unknown keys, so a typo is an error rather than silently ignored', () => {
    expect(contract['auth.login'].input.safeParse({ username: 'a', password: 'b', extra: 1 }).success).toBe(false);
    expect(contract['setup.status'].input.safeParse({ anything: true }).success).toBe(false);
  });

  it('maps every error code to one of the documented statuses', () => {
    const allowed = new Set([400, 401, 403, 404, 409, 423, 429, 500, 503, 507]);
    for (const status of Object.values(errorStatus)) expect(allowed.has(status)).toBe(true);
    expect(errorBodySchema.safeParse({ error: { code: 'conflict', message: 'm', details: { a: 1 } } }).success).toBe(true);
    expect(errorBodySchema.safeParse({ error: { code: 'teapot', message: 'm' } }).success).toBe(false);
  });
});

describe('the OpenAPI document', () => {
  const doc = buildOpenApiDocument('9.9.9') as {
    openapi: string;
    paths: Record<string, { post: { 'x-permission': string; operationId: string; requestBody: unknown; security: unknown[] } }>;
  };

  it('is OpenAPI 3.1 and lists every method once, with its permission', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual(methodNames.map((name) => `/api/${name}`).sort());
    for (const name of methodNames) {
      const operation = doc.paths[`/api/${name}`]?.post;
      expect(operation?.operationId).toBe(name);
      expect(operation?.['x-permission']).toBe(contract[name].permission);
      expect(operation?.security).toEqual(contract[name].permission === 'public' ? [] : [{ bearer: [] }]);
    }
  });

  it('carries the input schema generated from zod', () => {
    const body = JSON.stringify(doc.paths['/api/setup.initialize']?.post.requestBody);
    expect(body).toContain('"minLength":12');
    expect(body).toContain('centreName');
  });
});

describe('permissions', () => {
  it('denies by default: an unknown session gets nothing but public methods', () => {
    expect(isGranted('public', null)).toBe(true);
    expect(isGranted('signed-in', null)).toBe(false);
    expect(isGranted('centre.manage', null)).toBe(false);
  });

  it('grants centre.manage to administrators only', () => {
    for (const role of roles) expect(isGranted('centre.manage', [role])).toBe(role === 'administrator');
    expect(isGranted('centre.manage', ['police', 'administrator'])).toBe(true);
    expect(isGranted('signed-in', [])).toBe(true);
  });

  it('lists a permission set for every role', () => {
    expect(Object.keys(rolePermissions).sort()).toEqual([...roles].sort());
  });
});

describe('the workstation contract', () => {
  const url = workstationContract['workstation.probeHost'].input;
  const join = workstationContract['workstation.joinHost'].input;

  it('accepts a bare address and assumes https', () => {
    expect(url.parse({ url: '192.168.1.10:8443' }).url).toBe('https://192.168.1.10:8443');
  });

  it('refuses plain http: calls must be encrypted', () => {
    expect(url.safeParse({ url: 'http://192.168.1.10:8443' }).success).toBe(false);
  });

  it('normalises a fingerprint as printed by the host or grouped by the UI', () => {
    const hex = 'AB'.repeat(32);
    expect(join.parse({ url: 'https://h:1', fingerprint: `SHA256:${hex}` }).fingerprint).toBe(hex.toLowerCase());
    expect(join.parse({ url: 'https://h:1', fingerprint: hex.match(/.{4}/g)?.join(' ') }).fingerprint).toBe(hex.toLowerCase());
    expect(join.safeParse({ url: 'https://h:1', fingerprint: 'abc' }).success).toBe(false);
  });
});
