import { z } from 'zod';

/**
 * Every failure crosses every transport in one shape. The code is stable and
 * machine-readable (the UI translates it); the message is plain English for
 * API users and logs; details carry structured data such as field issues.
 */
export const errorStatus = {
  invalid_input: 400,
  not_signed_in: 401,
  invalid_credentials: 401,
  /** The password was right; the account uses two-factor sign-in: send `code` too. */
  totp_required: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  already_initialized: 409,
  locked: 423,
  too_many_attempts: 429,
  internal: 500,
  /** The host's data volume is full: nothing can be written (every call writes its audit entry) until space is freed. */
  storage_full: 507,
  /** Only between a workstation and its host: the host cannot be reached. */
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;
export const errorCodes = Object.keys(errorStatus) as [ErrorCode, ...ErrorCode[]];

export const fieldIssueSchema = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  code: z.string(),
  message: z.string(),
});
export type FieldIssue = z.infer<typeof fieldIssueSchema>;

export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
export type ApiErrorPayload = ErrorBody['error'];

/** Thrown by the typed client so callers can branch on `code`. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: unknown;

  constructor(payload: ApiErrorPayload) {
    super(payload.message);
    this.name = 'ApiError';
    this.code = payload.code;
    this.status = errorStatus[payload.code];
    this.details = payload.details;
  }

  /** Field issues of an `invalid_input` error, empty for any other error. */
  get issues(): FieldIssue[] {
    if (this.code !== 'invalid_input') return [];
    const parsed = z.object({ issues: z.array(fieldIssueSchema) }).safeParse(this.details);
    return parsed.success ? parsed.data.issues : [];
  }
}
