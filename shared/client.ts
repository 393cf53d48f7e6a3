import type { z } from 'zod';
import { ApiError, contract, type ApiErrorPayload, type Contract, type MethodSpec } from './contract';

/** What a transport hands back: the output, or the error in the contract's shape. */
export type CallResult = { ok: true; data: unknown } | { ok: false; error: ApiErrorPayload };

/** Carries one call to the dispatcher: Electron IPC, HTTPS, or in-process. */
export interface Transport {
  call(method: string, input: unknown, token: string | null): Promise<CallResult>;
}

type AnyContract = Record<string, MethodSpec>;

export interface Client<C extends AnyContract = Contract> {
  call<M extends keyof C & string>(method: M, input: z.input<C[M]['input']>): Promise<z.output<C[M]['output']>>;
  readonly token: string | null;
  setToken(token: string | null): void;
}

/**
 * The one typed entry point the UI (and tests) use. It keeps the session
 * token, and checks every answer against the contract, so a host of another
 * version fails loudly instead of feeding the UI a shape it does not expect.
 */
export function createClient<C extends AnyContract = Contract>(transport: Transport, methods: C = contract as unknown as C): Client<C> {
  let token: string | null = null;
  return {
    get token() {
      return token;
    },
    setToken(next) {
      token = next;
    },
    async call(method, input) {
      const result = await transport.call(method, input, token);
      if (!result.ok) {
        if (method === 'auth.logout' && result.error.code === 'not_signed_in') token = null;
        throw new ApiError(result.error);
      }
      const spec = methods[method];
      const parsed = spec ? spec.output.safeParse(result.data) : undefined;
      if (!parsed?.success) {
        throw new ApiError({ code: 'internal', message: `The answer to ${method} does not match the contract.` });
      }
      if (method === 'auth.login') token = (parsed.data as { token: string }).token;
      if (method === 'auth.logout') token = null;
      return parsed.data as z.output<C[typeof method]['output']>;
    },
  };
}
