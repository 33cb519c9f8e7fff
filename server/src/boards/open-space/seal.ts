import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Seals a ballot for the shared document: AES-256-GCM with a key derived from a secret
 * every server process shares. Hidden votes then live in the board's own log (durable,
 * synced between processes, deleted with the board) while no client can read or forge them.
 */
export const BALLOT_SECRET = 'os-ballot-seal';

const keys = new Map<string, Buffer>();
export function ballotKey(secret: string): Buffer {
  let key = keys.get(secret);
  if (!key)
    keys.set(
      secret,
      (key = createHash('sha256').update(`twinspace ballots\u0000${secret}`).digest()),
    );
  return key;
}

export function seal(key: Buffer, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** The plain text, or null if it was not sealed with this key (never throws). */
export function unseal(key: Buffer, sealed: string): string | null {
  try {
    const raw = Buffer.from(sealed, 'base64url');
    if (raw.length < 28) return null;
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
