import path from 'node:path';
import type { Readable } from 'node:stream';
import { parseStream } from 'music-metadata';

export interface MediaInfo {
  /** The container as the file itself says (e.g. "isom/iso2/avc1/mp41", "EBML/webm", "WAVE/PCM"), else its extension. */
  format: string;
  durationSeconds: number | null;
}

/** Which playable type the browser is told a recording has, by its name. */
export function mediaTypeOf(fileName: string): string {
  const types: Record<string, string> = {
    '.mp4': 'video/mp4',
    '.m4v': 'video/mp4',
    '.mov': 'video/quicktime',
    '.webm': 'video/webm',
    '.mkv': 'video/x-matroska',
    '.wav': 'audio/wav',
    '.mp3': 'audio/mpeg',
    '.m4a': 'audio/mp4',
    '.ogg': 'audio/ogg',
  };
  return types[path.extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Reads duration and container from the recording itself rather than
 * trusting what a workstation claims. A file it cannot read is still
 * registered: its hash is what proves it, not its duration.
 */
export async function describeMedia(source: Readable, size: number, fileName: string): Promise<MediaInfo> {
  const fallback = path.extname(fileName).slice(1).toLowerCase();
  try {
    const { format } = await parseStream(source, { size, mimeType: mediaTypeOf(fileName), path: fileName }, { duration: true, skipCovers: true });
    const duration = format.duration !== undefined && Number.isFinite(format.duration) ? Math.round(format.duration * 1000) / 1000 : null;
    return { format: format.container ?? fallback, durationSeconds: duration };
  } catch {
    return { format: fallback, durationSeconds: null };
  } finally {
    source.destroy();
  }
}
