import type { Client } from '../../../shared/client';
import { ApiError } from '../../../shared/contract';

export interface SessionGuards {
  /** The host no longer knows the session: back to sign-in. */
  onSessionEnded(): void;
  /** The host locked the session (idle, or another tab locked it): show the lock screen. */
  onLocked(): void;
}

/** The same client, but refusals that concern the whole session reach the app, wherever the call was made. */
export function guardSession(client: Client, guards: SessionGuards): Client {
  return {
    get token() {
      return client.token;
    },
    setToken: (token) => client.setToken(token),
    async call(method, input) {
      try {
        return await client.call(method, input);
      } catch (error) {
        if (error instanceof ApiError && client.token) {
          if (error.code === 'not_signed_in' && method !== 'auth.logout') {
            client.setToken(null);
            guards.onSessionEnded();
          } else if (error.code === 'locked' && (error.details as { reason?: string } | undefined)?.reason === 'session_locked') {
            guards.onLocked();
          }
        }
        throw error;
      }
    },
  };
}
