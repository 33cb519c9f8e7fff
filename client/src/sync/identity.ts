import type { Role } from '@twinspace/shared/rules/model';
import { readStored, readStoredJson, writeStored, writeStoredJson } from './storage.ts';

/**
 * What this device remembers per board, so a reload (or a phone that slept) comes back as
 * the same person without the join form. Kept per role: a facilitator who also tests the
 * participant view in another tab stays two people.
 */
export interface StoredIdentity {
  participantId: string;
  participantSecret: string;
  name?: string;
  city?: string;
  language?: string;
}

const identityKey = (code: string, role: Role): string => `identity.${code}.${role}`;
const tokenKey = (code: string): string => `facilitatorToken.${code}`;

function isIdentity(value: unknown): value is StoredIdentity {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const optionalString = (key: string): boolean =>
    v[key] === undefined || typeof v[key] === 'string';
  return (
    typeof v['participantId'] === 'string' &&
    typeof v['participantSecret'] === 'string' &&
    optionalString('name') &&
    optionalString('city') &&
    optionalString('language')
  );
}

export const loadIdentity = (code: string, role: Role): StoredIdentity | null =>
  readStoredJson(identityKey(code, role), isIdentity);

export const saveIdentity = (code: string, role: Role, identity: StoredIdentity): void =>
  writeStoredJson(identityKey(code, role), identity);

export const forgetIdentity = (code: string, role: Role): void =>
  writeStored(identityKey(code, role), null);

/**
 * The facilitator token arrives in the URL fragment (#key=...), which browsers never send
 * to the server, so it stays out of access logs. We keep it on the device and drop it from
 * the address bar, so it is not shown when the facilitator shares their screen.
 */
export function takeFacilitatorToken(code: string): string | null {
  const fromHash = new URLSearchParams(window.location.hash.slice(1)).get('key');
  if (fromHash) {
    writeStored(tokenKey(code), fromHash);
    window.history.replaceState(
      window.history.state,
      '',
      window.location.pathname + window.location.search,
    );
    return fromHash;
  }
  return readStored(tokenKey(code));
}

export const forgetFacilitatorToken = (code: string): void => writeStored(tokenKey(code), null);
