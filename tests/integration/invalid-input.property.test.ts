import https from 'node:https';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, errorBodySchema, methodNames, type MethodName } from '../../shared/contract';
import { ADMIN, databaseDigest } from '../support/core';
import { rawPost, startTestHost, type TestHost } from '../support/host';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path into a JSON value, the root included. */
function pathsOf(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const here = [prefix];
  if (Array.isArray(value)) return here.concat(value.flatMap((item, i) => pathsOf(item, [...prefix, i])));
  if (value && typeof value === 'object') return here.concat(Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...prefix, k])));
  return here;
}

function mutate(value: Json, path: (string | number)[], change: (target: Json) => Json | undefined): Json {
  if (path.length === 0) return change(value) ?? null;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((item, i) => (i === head ? mutate(item, rest, change) : item));
  if (value && typeof value === 'object') {
    const copy: { [key: string]: Json } = { ...value };
    const key = String(head);
    const next = rest.length === 0 ? change(copy[key] ?? null) : mutate(copy[key] ?? null, rest, change);
    if (next === undefined) delete copy[key];
    else copy[key] = next;
    return copy;
  }
  return value;
}

/** A value of another JSON type than the one given. */
const otherType = (target: Json): fc.Arbitrary<Json> => {
  const options: fc.Arbitrary<Json>[] = [];
  if (typeof target !== 'string') options.push(fc.string({ maxLength: 20 }));
  if (typeof target !== 'number') options.push(fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })));
  if (typeof target !== 'boolean') options.push(fc.boolean());
  if (target !== null) options.push(fc.constant(null));
  if (!Array.isArray(target)) options.push(fc.array(fc.jsonValue({ maxDepth: 1 }) as fc.Arbitrary<Json>, { maxLength: 3 }));
  if (!(target && typeof target === 'object' && !Array.isArray(target))) options.push(fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 }));
  return fc.oneof(...options);
};

/** Near-misses of the method's valid example: a field of the wrong type, a field missing, an unknown field, an overlong string. */
function nearMisses(method: MethodName): fc.Arbitrary<Json> {
  const example = contract[method].example as Json;
  const paths = pathsOf(example);
  const at = (p: (string | number)[]) => p.reduce<Json>((v, k) => (v as Record<string, Json>)[k] ?? null, example);
  const path = fc.constantFrom(...paths);
  const objects = paths.filter((p) => {
    const v = at(p);
    return v !== null && typeof v === 'object' && !Array.isArray(v);
  });
  const fields = paths.filter((p) => p.length > 0);
  const strings = paths.filter((p) => typeof at(p) === 'string');
  // Only generators that can produce something: fast-check's filter would spin forever on an empty choice.
  const generators: fc.Arbitrary<Json>[] = [path.chain((p) => otherType(at(p)).map((replacement) => mutate(example, p, () => replacement)))];
  if (fields.length > 0) generators.push(fc.constantFrom(...fields).map((p) => mutate(example, p, () => undefined)));
  if (objects.length > 0) {
    generators.push(
      fc.tuple(fc.constantFrom(...objects), fc.string({ minLength: 1, maxLength: 8 })).map(([p, key]) =>
        mutate(example, p, (target) => ({ ...(target as Record<string, Json>), [`x_${key}`]: 1 })),
      ),
    );
  }
  if (strings.length > 0) generators.push(fc.constantFrom(...strings).map((p) => mutate(example, p, () => 'x'.repeat(5000))));
  return fc.oneof(...generators);
}

function invalidFor(method: MethodName): fc.Arbitrary<Json> {
  const schema = contract[method].input;
  return fc.oneof(nearMisses(method), fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>).filter((value) => !schema.safeParse(value).success);
}

let test: TestHost;
let token: string;
const agent = new https.Agent({ keepAlive: true, rejectUnauthorized: false });

beforeAll(async () => {
  test = await startTestHost();
  await rawPost(test.host.url, 'setup.initialize', JSON.stringify({ centreName: 'Barnahus Cluj', admin: ADMIN }));
  const login = await rawPost(test.host.url, 'auth.login', JSON.stringify({ username: ADMIN.username, password: ADMIN.password }));
  token = (login.body as { token: string }).token;
});

afterAll(async () => {
  agent.destroy();
  await test.close();
});

describe('invalid input to any method', () => {
  it.each(methodNames)('%s: always 400 in the error shape, and the database unchanged', async (method) => {
    const before = databaseDigest(test.host.core.store.db);
    await fc.assert(
      fc.asyncProperty(invalidFor(method), fc.boolean(), async (input, signedIn) => {
        const response = await rawPost(test.host.url, method, JSON.stringify(input), signedIn ? { authorization: `Bearer ${token}` } : {}, agent);
        expect(response.status).toBe(400);
        const body = errorBodySchema.parse(response.body);
        expect(body.error.code).toBe('invalid_input');
        expect((body.error.details as { issues: unknown[] }).issues.length).toBeGreaterThan(0);
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 250) },
    );
    expect(databaseDigest(test.host.core.store.db)).toBe(before);
  });
});
