import { useMemo } from 'react';
import { z } from 'zod';
import { ApiError } from '../../../shared/contract';
import { useSession } from './context';

/** What the host answers once it has stored a file's bytes: the SHA-256 it computed, and the size it counted. */
const receivedSchema = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), size: z.number().int().nonnegative() });
export type Received = z.infer<typeof receivedSchema>;

export interface Upload {
  /** The host's answer; rejects with an ApiError (code 'unavailable', details.reason 'aborted' when stopped). */
  done: Promise<Received>;
  abort(): void;
}

export type SendFile = (url: string, file: File, onProgress: (sent: number, total: number) => void) => Upload;

/**
 * Sends a file to an upload address from `recordings.startUpload`, with the
 * signed-in session, reporting bytes sent. Null where this window cannot
 * upload (the desktop app, for now). The session token stays in here.
 */
export function useUpload(): SendFile | null {
  const { connection } = useSession();
  return useMemo((): SendFile | null => {
    const { bridge, api } = connection;
    const send = bridge.upload?.bind(bridge);
    if (!send) return null;
    return (url, file, onProgress) => {
      const transfer = send(url, file, api.token, onProgress);
      const done = transfer.done.then((result) => {
        if (!result.ok) throw new ApiError(result.error);
        const parsed = receivedSchema.safeParse(result.data);
        if (!parsed.success) throw new ApiError({ code: 'internal', message: 'The answer to the upload does not match the contract.' });
        return parsed.data;
      });
      return { done, abort: () => transfer.abort() };
    };
  }, [connection]);
}
