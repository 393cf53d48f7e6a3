import { z } from 'zod';
import { contract, errorBodySchema, errorStatus, methodNames } from './contract';

const statusDescriptions: Record<number, string> = {
  400: 'Invalid input: details.issues lists each field',
  401: 'Not signed in, or the session has ended',
  403: 'The session lacks the permission',
  404: 'Not found',
  409: 'Conflict: the record changed since it was read',
  423: 'Locked',
  429: 'Too many attempts',
  500: 'Internal error',
  503: 'Unavailable',
};

/**
 * OpenAPI 3.1 generated from the contract. 3.1 schemas are JSON Schema
 * 2020-12, which zod emits directly, so nothing is written twice.
 */
export function buildOpenApiDocument(version: string): Record<string, unknown> {
  const errorSchema = z.toJSONSchema(errorBodySchema, { target: 'draft-2020-12' });
  const statuses = [...new Set(Object.values(errorStatus))].sort();
  const paths: Record<string, unknown> = {};
  for (const name of methodNames) {
    const spec = contract[name];
    const responses: Record<string, unknown> = {
      '200': {
        description: 'Success',
        content: { 'application/json': { schema: z.toJSONSchema(spec.output, { target: 'draft-2020-12', io: 'output' }) } },
      },
    };
    for (const status of statuses) {
      responses[String(status)] = {
        description: statusDescriptions[status] ?? 'Error',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      };
    }
    paths[`/api/${name}`] = {
      post: {
        operationId: name,
        summary: spec.summary,
        tags: [name.split('.')[0]],
        'x-permission': spec.permission,
        security: spec.permission === 'public' ? [] : [{ bearer: [] }],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: z.toJSONSchema(spec.input, { target: 'draft-2020-12', io: 'input' }),
              example: spec.example,
            },
          },
        },
        responses,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Barnahus Desk LAN API',
      version,
      description:
        'Every operation is POST /api/<method> with a JSON body. Send the token from auth.login as ' +
        '`Authorization: Bearer <token>`. Change events are pushed on the WebSocket /api/events.',
    },
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: { Error: errorSchema },
    },
  };
}
