import { z } from 'zod';

/** Every error the API returns has this one shape; messages are Chinese and meant for the user. */
export const errorCodes = [
  'VALIDATION_FAILED', // 400: `fields` names each bad field (key = field path, value = Chinese message)
  'UNAUTHENTICATED', // 401: no session, or it expired or was revoked
  'FORBIDDEN', // 403: signed in, but this role or scope may not do this
  'NOT_FOUND', // 404
  'CONFLICT', // 409: duplicate, full, already done …
  'RATE_LIMITED', // 429
  'UPSTREAM_FAILED', // 502: WeChat or another service we call did not answer properly
  'INTERNAL', // 500: a bug; never for bad input
  'UNAVAILABLE', // 503: the database (or another service we need) cannot be reached right now; try again later
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
