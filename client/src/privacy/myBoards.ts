import type { BoardKind } from '@twinspace/shared/boards/common';
import { readStored, readStoredJson, writeStored, writeStoredJson } from '../sync/storage.ts';

/**
 * A facilitator's boards without an account (docs/privacy.md, "On the device"): every
 * board (and event) this device created or was handed, with its facilitator key, in
 * localStorage. One list holds both kinds of entry. Moved to another laptop as a file.
 */
export interface MyEntry {
  type: 'board' | 'event';
  code: string;
  title: string;
  /** A board's kind (an event has none). */
  kind?: BoardKind | undefined;
  /** The facilitator key: a secret, like the facilitator link. */
  token: string;
  addedAt: number;
}

const LIST_KEY = 'myBoards';
/** Where sync/identity.ts keeps a board's facilitator key, and its prefix in localStorage. */
const TOKEN_PREFIX = 'facilitatorToken.';
/** Where the event pages keep an event's key (events/device.ts), not imported for the same reason. */
const EVENT_TOKEN_PREFIX = 'eventToken.';
const FILE_FORMAT = 'twinspace-facilitator-keys';
const CODE_RE = /^[A-Z0-9]{4,12}$/;
/**
 * A board's stored info (sync/deviceCopy.ts `infoKey`), read for its title; not imported,
 * so this module (the landing page's) stays out of the board route's chunks.
 */
const infoKey = (code: string): string => `board.${code}`;

function isEntry(value: unknown): value is MyEntry {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    (v.type === 'board' || v.type === 'event') &&
    typeof v.code === 'string' &&
    CODE_RE.test(v.code) &&
    typeof v.title === 'string' &&
    v.title.length <= 200 &&
    typeof v.token === 'string' &&
    /^[A-Za-z0-9_-]{16,200}$/.test(v.token) &&
    typeof v.addedAt === 'number' &&
    (v.kind === undefined || v.kind === 'open-space' || v.kind === 'match-sprint')
  );
}

const isEntryList = (value: unknown): value is MyEntry[] =>
  Array.isArray(value) && value.every(isEntry);

const stored = (): MyEntry[] => readStoredJson(LIST_KEY, isEntryList) ?? [];

/** Boards opened with a facilitator link before this list existed (or on another route). */
function keysOnDevice(): MyEntry[] {
  const found: MyEntry[] = [];
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const name = localStorage.key(i)?.replace(/^twinspace\./, '') ?? '';
      if (name.startsWith(EVENT_TOKEN_PREFIX)) {
        const code = name.slice(EVENT_TOKEN_PREFIX.length);
        const event = { type: 'event' as const, code, title: code, token: readStored(name) ?? '' };
        if (isEntry({ ...event, addedAt: 0 })) found.push({ ...event, addedAt: 0 });
        continue;
      }
      if (!name.startsWith(TOKEN_PREFIX)) continue;
      const code = name.slice(TOKEN_PREFIX.length);
      const token = readStored(name);
      const info = readStoredJson(infoKey(code), (v): v is { title?: unknown; kind?: unknown } =>
        Boolean(v && typeof v === 'object'),
      );
      const entry = {
        type: 'board' as const,
        code,
        title: typeof info?.title === 'string' ? info.title : code,
        kind: info?.kind === 'open-space' || info?.kind === 'match-sprint' ? info.kind : undefined,
        token: token ?? '',
        addedAt: 0,
      };
      if (isEntry(entry)) found.push(entry);
    }
  } catch {
    // no localStorage (private mode): nothing is kept anyway
  }
  return found;
}

const keyOf = (e: MyEntry): string => `${e.type}:${e.code}`;

/** Every entry, newest first: the list's, then keys found on the device. */
export function listMine(): MyEntry[] {
  const byKey = new Map<string, MyEntry>();
  for (const entry of [...stored(), ...keysOnDevice()])
    if (!byKey.has(keyOf(entry))) byKey.set(keyOf(entry), entry);
  return [...byKey.values()].sort((a, b) => b.addedAt - a.addedAt);
}

/** Adds (or refreshes) entries; a board's key is also where its console looks for it. */
export function rememberMine(entries: readonly MyEntry[]): void {
  const byKey = new Map(stored().map((e) => [keyOf(e), e]));
  for (const entry of entries) {
    byKey.set(keyOf(entry), entry);
    const prefix = entry.type === 'board' ? TOKEN_PREFIX : EVENT_TOKEN_PREFIX;
    writeStored(`${prefix}${entry.code}`, entry.token);
  }
  writeStoredJson(LIST_KEY, [...byKey.values()]);
}

/** The board (or event) is deleted or handed on: off this device's list. */
export function forgetMine(code: string): void {
  writeStoredJson(
    LIST_KEY,
    stored().filter((e) => e.code !== code),
  );
}

/** A board just created here, shown at once (LandingPage remembers it, asynchronously). */
export function withCreated(
  entries: MyEntry[],
  created: { code: string; title: string; kind: BoardKind; facilitatorToken: string } | null,
): MyEntry[] {
  if (!created || entries.some((e) => e.type === 'board' && e.code === created.code))
    return entries;
  const { code, title, kind, facilitatorToken: token } = created;
  return [{ type: 'board', code, title, kind, token, addedAt: 0 }, ...entries];
}

/** The file that moves the list to another laptop (it holds the keys: a secret). */
export function exportFile(entries: readonly MyEntry[], now = Date.now()): string {
  return JSON.stringify({ format: FILE_FORMAT, version: 1, exportedAt: now, entries }, null, 2);
}

/** Reads such a file; null when it is not one (nothing is written then). */
export function readFile(text: string): MyEntry[] | null {
  try {
    const data = JSON.parse(text) as { format?: unknown; entries?: unknown };
    if (data.format !== FILE_FORMAT || !isEntryList(data.entries)) return null;
    return data.entries;
  } catch {
    return null;
  }
}
