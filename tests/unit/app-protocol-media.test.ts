import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { OpenedMedia } from '../../electron/core/evidence/transfer-gate';
import { createAppProtocolHandler, type MediaSource } from '../../electron/main/protocol';
import { tempDir } from '../support/temp';

const TICKET = 'abcdefghijklmnopqrstuvwxyz012345';
const bytes = Buffer.from('0123456789abcdefghij');

/** Stands in for the core's ticket check: answers only TICKET, honouring "bytes=a-b". */
const source: MediaSource = (ticket, range): OpenedMedia => {
  if (ticket !== TICKET) return { ok: false, status: 404, message: 'There is no such recording.' };
  const match = range ? /^bytes=(\d+)-(\d+)$/.exec(range) : null;
  const start = match ? Number(match[1]) : 0;
  const end = match ? Number(match[2]) : bytes.length - 1;
  return { ok: true, status: match ? 206 : 200, body: Readable.from([bytes.subarray(start, end + 1)]), start, end, size: bytes.length, mediaType: 'audio/wav' };
};

function handlerWith(media?: () => MediaSource | null) {
  const root = tempDir();
  fs.writeFileSync(path.join(root, 'index.html'), '<html></html>');
  return createAppProtocolHandler(root, media);
}

describe('app:// serves recordings to the window through the core, never by path', () => {
  it('streams a ticket whole, or the range asked for', async () => {
    const handler = handlerWith(() => source);
    const whole = await handler(new Request(`app://bundle/api/media/${TICKET}`));
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('audio/wav');
    expect(Buffer.from(await whole.arrayBuffer())).toEqual(bytes);
    const part = await handler(new Request(`app://bundle/api/media/${TICKET}`, { headers: { range: 'bytes=5-9' } }));
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 5-9/20');
    expect(await part.text()).toBe('56789');
  });

  it('refuses unknown tickets, and every ticket when there is no local core', async () => {
    expect((await handlerWith(() => source)(new Request('app://bundle/api/media/zzzzzzzzzzzzzzzzzzzzzzzzzzzzzz'))).status).toBe(404);
    expect((await handlerWith(() => null)(new Request(`app://bundle/api/media/${TICKET}`))).status).toBe(404);
    expect((await handlerWith()(new Request(`app://bundle/api/media/${TICKET}`))).status).toBe(404);
  });
});
