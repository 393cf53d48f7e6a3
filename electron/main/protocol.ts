import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
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

/**
 * Serves the built renderer for app://bundle/… with the CSP attached to every
 * response. Only files under `root` are reachable: `..` and encoded tricks
 * resolve outside it and are refused.
 */
export function createAppProtocolHandler(root: string): (request: Request) => Promise<Response> {
  const base = path.resolve(root);
  return async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST || request.method !== 'GET') return respond(404, 'not found');
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
