import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyError, type FastifyReply, type FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import { errorStatus, type ErrorCode } from '../../shared/contract';
import { contentSecurityPolicy, renderIndexHtml } from '../../shared/csp';
import { socketClientMessageSchema, socketCloseCodes, type SocketServerMessage } from '../../shared/events';
import { buildOpenApiDocument } from '../../shared/openapi';
import type { Core } from '../core/core';
import type { CoreEvent } from '../core/events';
import type { HostIdentity } from './identity';
import { tlsPolicy } from './tls-policy';

export interface HostServerOptions {
  core: Core;
  identity: HostIdentity;
  listen: string;
  port: number;
  /** Folder of the built renderer; served at / when given (`--web`). */
  webRoot?: string;
  version: string;
}

export interface HostServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

const BODY_LIMIT = 1024 * 1024;
const SOCKET_AUTH_TIMEOUT_MS = 5000;

const securityHeaders: Record<string, string> = {
  'content-security-policy': contentSecurityPolicy(),
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), payment=()',
  'strict-transport-security': 'max-age=31536000',
};

function sendError(reply: FastifyReply, code: ErrorCode, message: string, details?: unknown) {
  return reply.code(errorStatus[code]).send({ error: details === undefined ? { code, message } : { code, message, details } });
}

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1] ?? null;
}

/** "name (address)" when a client-mode workstation names itself; the address alone otherwise. */
function workstationOf(request: FastifyRequest): string {
  const raw = request.headers['x-barnahus-workstation'];
  const name = typeof raw === 'string' ? raw.replace(/[^\p{L}\p{N} ._-]/gu, '').slice(0, 64).trim() : '';
  return name ? `${name} (${request.ip})` : request.ip;
}

/**
 * A WebSocket's Origin must be this host's own (the address the client used,
 * as its Host header says). Clients that are not browsers (a workstation's
 * main process, scripts) send no Origin and are let through: a browser always
 * sends one, so a page elsewhere cannot pass as such a client.
 */
function socketOriginAllowed(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  const host = request.headers.host;
  return host !== undefined && origin === `https://${host}`;
}

/**
 * The LAN host: HTTPS carrying calls to the core's dispatcher, a WebSocket
 * pushing change events, the OpenAPI document, and with --web the renderer.
 * It adds no rules of its own; everything is decided by the dispatcher.
 */
export async function startHostServer(options: HostServerOptions): Promise<HostServer> {
  const { core, identity } = options;
  const app = Fastify({
    https: { key: identity.keyPem, cert: identity.certPem, ...tlsPolicy },
    // Requests carry a child's data: the framework logs nothing, ever.
    logger: false,
    bodyLimit: BODY_LIMIT,
    // Shutting down must not wait for browsers' idle keep-alive connections.
    forceCloseConnections: true,
  });

  app.addHook('onSend', async (request, reply, payload) => {
    for (const [name, value] of Object.entries(securityHeaders)) if (!reply.hasHeader(name)) reply.header(name, value);
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    return payload;
  });

  const defaultJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    // An empty body means "no input"; methods without input take {}.
    if (body === '') return done(null, {});
    void defaultJson(request, body as string, done);
  });

  // Every 400 carries details.issues, as the dispatcher's do, so clients handle one shape.
  const badBody = (reply: FastifyReply, code: string, message: string) =>
    sendError(reply, 'invalid_input', message, { issues: [{ path: [], code, message }] });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status === 413) return badBody(reply, 'too_large', `The request body is larger than ${BODY_LIMIT} bytes.`);
    if (status === 415) return badBody(reply, 'unsupported_media_type', 'Send the input as a JSON body (Content-Type: application/json).');
    // Includes bodies with __proto__ or constructor keys, refused outright (prototype poisoning).
    if (status >= 400 && status < 500) return badBody(reply, 'invalid_json', 'The request body is not valid JSON.');
    console.error(`host error on ${request.method} ${request.url.split('?')[0]}: ${error.message}`);
    return sendError(reply, 'internal', 'Something went wrong inside the host.');
  });

  app.setNotFoundHandler((_request, reply) => sendError(reply, 'not_found', 'There is nothing at this address.'));

  await app.register(fastifyWebsocket, { options: { maxPayload: 4096 } });

  const openApi = buildOpenApiDocument(options.version);
  app.get('/api/openapi.json', (_request, reply) => reply.send(openApi));

  // For a monitoring tool: no session, no data of any child; two facts a centre's IT person acts on.
  app.get('/api/health', (_request, reply) => reply.send({ status: 'ok', version: options.version, ...core.health() }));

  app.post<{ Params: { method: string } }>('/api/:method', async (request, reply) => {
    const outcome = await core.dispatch({
      method: request.params.method,
      // Only an absent body means "no input"; an explicit JSON null is input, and invalid.
      input: request.body === undefined ? {} : request.body,
      token: bearerToken(request),
      origin: { transport: 'https', workstation: workstationOf(request), peer: request.ip },
    });
    return reply.code(outcome.status).send(outcome.ok ? outcome.data : { error: outcome.error });
  });

  // Recording files: streamed to the evidence store as they arrive, never buffered (they run to gigabytes).
  // In a context of their own, so that only this route takes raw bytes; method calls stay JSON-only.
  await app.register((uploads, _options, ready) => {
    uploads.addContentTypeParser('application/octet-stream', (_request, _payload, done) => done(null));
    uploads.put<{ Params: { uploadId: string } }>('/api/uploads/:uploadId', { bodyLimit: Number.MAX_SAFE_INTEGER }, async (request, reply) => {
      if (request.headers['content-type'] !== 'application/octet-stream') {
        return badBody(reply, 'unsupported_media_type', 'Send the file as application/octet-stream.');
      }
      const outcome = await core.receiveUpload(request.params.uploadId, bearerToken(request), request.raw);
      return reply.code(outcome.ok ? 200 : outcome.status).send(outcome.ok ? { sha256: outcome.sha256, size: outcome.size } : { error: outcome.error });
    });
    ready();
  });

  // A player's reads of a viewing opened by recordings.play; the address is the credential, re-checked on every request.
  app.get<{ Params: { ticket: string } }>('/api/media/:ticket', (request, reply) => serveMedia(core, request, reply));

  // Browsers let any page open a WebSocket anywhere, sending its own Origin: only the host's own pages may.
  app.get(
    '/api/events',
    {
      websocket: true,
      preValidation: async (request, reply) => {
        if (!socketOriginAllowed(request)) await sendError(reply, 'forbidden', 'Event sockets are open only to pages served by this host.');
      },
    },
    (socket) => serveEventSocket(core, socket),
  );

  if (options.webRoot) {
    const template = await readFile(path.join(options.webRoot, 'index.html'), 'utf8');
    const serveIndex = async (_request: FastifyRequest, reply: FastifyReply) => {
      const nonce = randomBytes(16).toString('base64');
      return reply
        .header('content-security-policy', contentSecurityPolicy(nonce))
        .header('cache-control', 'no-store')
        .type('text/html; charset=utf-8')
        .send(renderIndexHtml(template, nonce));
    };
    app.get('/', serveIndex);
    app.get('/index.html', serveIndex);
    await app.register(fastifyStatic, { root: options.webRoot, index: false, dotfiles: 'deny' });
  }

  await app.listen({ host: options.listen, port: options.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.listen.includes(':') ? `[${options.listen}]` : options.listen;
  return { url: `https://${host}:${port}`, port, close: () => app.close() };
}

function serveMedia(core: Core, request: FastifyRequest<{ Params: { ticket: string } }>, reply: FastifyReply) {
  const media = core.openMedia(request.params.ticket, request.headers.range);
  if (!media.ok && media.status === 416) return reply.code(416).header('content-range', `bytes */${media.size ?? 0}`).send();
  if (!media.ok) return sendError(reply, 'not_found', media.message);
  reply
    .code(media.status)
    .header('content-type', media.mediaType)
    .header('content-length', String(media.end - media.start + 1))
    .header('accept-ranges', 'bytes')
    .header('cache-control', 'no-store');
  if (media.status === 206) reply.header('content-range', `bytes ${media.start}-${media.end}/${media.size}`);
  return reply.send(media.body);
}

/**
 * The first message must authenticate (browsers cannot set headers on a
 * WebSocket). The session is re-checked before each event, so a socket never
 * outlives its session by more than one message.
 */
function serveEventSocket(core: Core, socket: WebSocket): void {
  let unsubscribe: (() => void) | undefined;
  const send = (message: SocketServerMessage) => socket.send(JSON.stringify(message));
  const timer = setTimeout(() => socket.close(socketCloseCodes.notSignedIn, 'not signed in'), SOCKET_AUTH_TIMEOUT_MS);

  socket.on('message', (raw) => {
    if (unsubscribe) return;
    let message: unknown;
    try {
      message = JSON.parse(Buffer.isBuffer(raw) ? raw.toString('utf8') : '');
    } catch {
      message = null;
    }
    const parsed = socketClientMessageSchema.safeParse(message);
    const caller = parsed.success ? core.authenticate(parsed.data.token) : null;
    if (!parsed.success || !caller) {
      socket.close(socketCloseCodes.notSignedIn, 'not signed in');
      return;
    }
    clearTimeout(timer);
    const { token } = parsed.data;
    unsubscribe = core.subscribe((event: CoreEvent) => {
      if (event.kind === 'session-ended') {
        if (event.sessionId === caller.sessionId) socket.close(socketCloseCodes.sessionEnded, 'session ended');
        return;
      }
      const current = core.authenticate(token);
      if (!current) {
        socket.close(socketCloseCodes.notSignedIn, 'session expired');
        return;
      }
      // A locked workstation hears nothing until unlocked, one that must first change its password or enrol
      // two-factor hears nothing until it has (the API refuses it too); no session hears of a case it may not see.
      if (!current.locked && !current.restriction && core.mayReceive(current, event.change)) send(event.change);
    });
    send({ type: 'ready' });
  });

  socket.on('close', () => {
    clearTimeout(timer);
    unsubscribe?.();
  });
}
