/**
 * localStorage with a prefix, that never throws: private browsing modes and full disks
 * must not stop a participant from taking part (they only lose "remember me").
 */
const PREFIX = 'twinspace.';

export function readStored(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(PREFIX + key) ?? null;
  } catch {
    return null;
  }
}

export function writeStored(key: string, value: string | null): void {
  try {
    if (value === null) globalThis.localStorage?.removeItem(PREFIX + key);
    else globalThis.localStorage?.setItem(PREFIX + key, value);
  } catch {
    // Storage unavailable: the session still works, it just is not remembered.
  }
}

export function readStoredJson<T>(key: string, isValid: (value: unknown) => value is T): T | null {
  const raw = readStored(key);
  if (raw === null) return null;
  try {
    const value: unknown = JSON.parse(raw);
    return isValid(value) ? value : null;
  } catch {
    return null;
  }
}

export const writeStoredJson = (key: string, value: unknown): void =>
  writeStored(key, JSON.stringify(value));
