import { createHash, createHmac } from 'node:crypto';
import { seal, unseal } from './open-space/seal.ts';

/**
 * What polls and Q&A keep from clients, kept in the board's own document (so it is durable,
 * shared by every process and deleted with the board) but unreadable to anyone holding it:
 * values sealed with AES-GCM, under entity ids derived by HMAC from what they belong to (a
 * poll and a participant, a question and a voter). No client can read a sealed value, link
 * an id to a person, or forge either: only the server holds the key (Store.secret).
 */
const FEATURE_SECRET = 'poll-qa-seal';

export interface Sealer {
  /** An entity id (22 characters of ENTITY_ID_RE) that only the server can derive. */
  idFor(...parts: string[]): string;
  seal(value: unknown): string;
  /** The sealed JSON value, or null if it is not one of ours. */
  unseal(sealed: unknown): unknown;
}

const derive = (label: string, secret: string): Buffer =>
  createHash('sha256').update(`twinspace ${label}\u0000${secret}`).digest();

const sealers = new Map<string, Sealer>();

/**
 * Sealed values opened lately, by their sealed text (which never changes): a participant's
 * Q&A view opens every question of the board, and one socket sent thousands of such views
 * (5,000 over 200 questions held the event loop 6 s). Readers only read what comes back.
 */
const OPENED_MAX = 8192;

function makeSealer(secret: string): Sealer {
  const key = derive('poll-qa seal', secret);
  const idKey = derive('poll-qa ids', secret);
  const opened = new Map<string, unknown>();
  const ids = new Map<string, string>();
  const remember = <T>(cache: Map<string, T>, k: string, value: T): T => {
    if (cache.size >= OPENED_MAX) cache.delete(cache.keys().next().value!);
    cache.set(k, value);
    return value;
  };
  const open = (sealed: string): unknown => {
    const plain = unseal(key, sealed);
    if (plain === null) return null;
    try {
      return JSON.parse(plain) as unknown;
    } catch {
      return null;
    }
  };
  return {
    idFor: (...parts) => {
      const joined = parts.join('\u0000');
      return (
        ids.get(joined) ??
        remember(
          ids,
          joined,
          createHmac('sha256', idKey).update(joined).digest('base64url').slice(0, 22),
        )
      );
    },
    seal: (value) => seal(key, JSON.stringify(value)),
    unseal(sealed) {
      if (typeof sealed !== 'string') return null;
      return opened.has(sealed) ? opened.get(sealed) : remember(opened, sealed, open(sealed));
    },
  };
}

/** The sealer of this deployment (one secret shared by every process). */
export async function sealerFor(secret: (name: string) => Promise<string>): Promise<Sealer> {
  const value = await secret(FEATURE_SECRET);
  let sealer = sealers.get(value);
  if (!sealer) sealers.set(value, (sealer = makeSealer(value)));
  return sealer;
}

/** A plain object's string field, or ''. */
export const field = (value: unknown, key: string): string => {
  if (!value || typeof value !== 'object') return '';
  const v = (value as Record<string, unknown>)[key];
  return typeof v === 'string' ? v : '';
};
