import type { Response } from 'express';

/** The one answer of every lookup by code once a client is over its budget. */
export function tooManyAttempts(res: Response, retryAfterS: number): void {
  res
    .status(429)
    .setHeader('Retry-After', String(retryAfterS))
    .json({ error: 'too many attempts, wait a minute', reason: 'rate-limited' });
}
