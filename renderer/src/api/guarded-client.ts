import type { Client } from '../../../shared/client';
import { ApiError } from '../../../shared/contract';

/** The same client, but a `not_signed_in` refusal anywhere sends the user back to sign-in. */
export function guardSession(client: Client, onSessionEnded: () => void): Client {
  return {
    get token() {
      return client.token;
    },
    setToken: (token) => client.setToken(token),
    async call(method, input) {
      try {
        return await client.call(method, input);
      } catch (error) {
        if (error instanceof ApiError && error.code === 'not_signed_in' && client.token && method !== 'auth.logout') {
          client.setToken(null);
          onSessionEnded();
        }
        throw error;
      }
    },
  };
}
