import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { OpenedMedia } from '../core/evidence/transfer-gate';
import { contentSecurityPolicy, renderIndexHtml } from '../../shared/csp';
import { APP_HOST } from './app-origin';

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

function respond(status: number, body: string): Response {
  return new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

/** A viewing opened by recordings.play, as the core answers it (see electron/core/evidence/transfer-gate.ts). */
export type MediaSource = (ticket: string, rangeHeader: string | undefined) => OpenedMedia;

const MEDIA_PATH = /^\/api\/media\/([A-Za-z0-9_-]{20,100})$/;

/** A recording's bytes for the window's player: the same ticket and checks as the LAN host's /api/media. */
export function mediaResponse(media: MediaSource, ticket: string, rangeHeader: string | undefined): Response {
  const opened = media(ticket, rangeHeader);
  if (!opened.ok) {
    const headers: Record<string, string> = { 'content-type': 'text/plain; charset=utf-8' };
    if (opened.status === 416) headers['content-range'] = `bytes */${opened.size ?? 0}`;
    return new Response(opened.message, { status: opened.status, headers });
  }
  const headers: Record<string, string> = {
    'content-type': opened.mediaType,
    'content-length': String(opened.end - opened.start + 1),
    'accept-ranges': 'bytes',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  };
  if (opened.status === 206) headers['content-range'] = `bytes ${opened.start}-${opened.end}/${opened.size}`;
  return new Response(Readable.toWeb(opened.body) as ReadableStream<Uint8Array>, { status: opened.status, headers });
}

/**
 * Serves the built renderer for app://bundle/… with the CSP attached to every
 * response. Only files under `root` are reachable: `..` and encoded tricks
 * resolve outside it and are refused. With `media`, app://bundle/api/media/…
 * streams recordings from the local core, so `<video src>` stays same-origin
 * and no file path ever reaches the renderer.
 */
export function createAppProtocolHandler(root: string, media?: () => MediaSource | null): (request: Request) => Promise<Response> {
  const base = path.resolve(root);
  return async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST || request.method !== 'GET') return respond(404, 'not found');
    const mediaMatch = MEDIA_PATH.exec(url.pathname);
    if (mediaMatch) {
      const source = media?.() ?? null;
      if (!source) return respond(404, 'Recordings play from the host on a client workstation; open them in a browser workstation for now.');
      return mediaResponse(source, mediaMatch[1]!, request.headers.get('range') ?? undefined);
    }
    let relative: string;
    try {
      relative = decodeURIComponent(url.pathname);
    } catch {
      return respond(400, 'bad path');
    }
    const file = path.resolve(base, `.${relative === '/' ? '/index.html' : relative}`);
    if (file !== base && !file.startsWith(base + path.sep)) return respond(403, 'outside the application');
    try {
      const body = await fs.readFile(file);
      const isPage = path.extname(file) === '.html';
      // A fresh style nonce per page load, as the LAN host does (shared/csp.ts).
      const nonce = randomBytes(16).toString('base64');
      return new Response(isPage ? renderIndexHtml(body.toString('utf8'), nonce) : body, {
        status: 200,
        headers: {
          'content-type': mimeTypes[path.extname(file)] ?? 'application/octet-stream',
          'content-security-policy': contentSecurityPolicy(isPage ? nonce : undefined),
          'x-content-type-options': 'nosniff',
        },
      });
    } catch {
      return respond(404, 'not found');
    }
  };
}
