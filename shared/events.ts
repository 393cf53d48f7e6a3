import { z } from 'zod';

/** What the host pushes to other workstations so they refresh without a reload. */
export const changeEventSchema = z.object({
  type: z.literal('change'),
  entity: z.enum(['centre', 'user', 'case', 'policy', 'schedule', 'resources', 'meeting', 'backup']),
  action: z.enum(['created', 'updated', 'deleted']),
  id: z.union([z.number(), z.string()]).optional(),
});
export type ChangeEvent = z.infer<typeof changeEventSchema>;

/** Messages on the event socket, both directions. */
export const socketClientMessageSchema = z.object({ type: z.literal('auth'), token: z.string().min(1).max(512) });
export const socketServerMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  changeEventSchema,
]);
export type SocketServerMessage = z.infer<typeof socketServerMessageSchema>;

/** WebSocket close codes the client acts on. */
export const socketCloseCodes = { notSignedIn: 4401, sessionEnded: 4000 } as const;
