import * as Y from 'yjs';
import { MOD_ROOT } from './layout.ts';

/** The board's moderation settings. */
export interface ModSettings {
  /** Names are kept out of the document; only facilitators read them (`mod-list`). */
  anonymous: boolean;
  /** Parts whose new entities wait for a facilitator's approval. */
  approval: string[];
}

/** What stands in the document for hidden or removed content: never the content itself. */
export interface Tombstone {
  key: string;
  part: string;
  id: string;
  field?: string | undefined;
  owner: string;
  state: 'hidden' | 'removed';
  at: number;
}

/** A submission in the approval queue, as everyone's document has it (no content). */
export interface Submission {
  id: string;
  part: string;
  owner: string;
  state: 'pending' | 'declined';
  at: number;
}

const str = (m: Y.Map<unknown>, k: string): string => {
  const v = m.get(k);
  return typeof v === 'string' ? v : '';
};
const num = (m: Y.Map<unknown>, k: string): number => {
  const v = m.get(k);
  return typeof v === 'number' ? v : 0;
};

export function readModSettings(doc: Y.Doc): ModSettings {
  const m = doc.getMap<unknown>(MOD_ROOT.settings);
  const approval = m.get('approval');
  return {
    anonymous: m.get('anonymous') === true,
    approval: Array.isArray(approval)
      ? approval.filter((p): p is string => typeof p === 'string')
      : [],
  };
}

export function readTombstones(doc: Y.Doc): Tombstone[] {
  const out: Tombstone[] = [];
  doc.getMap<unknown>(MOD_ROOT.hidden).forEach((entry, key) => {
    if (!(entry instanceof Y.Map)) return;
    const field = str(entry, 'field');
    out.push({
      key,
      part: str(entry, 'part'),
      id: str(entry, 'entity'),
      ...(field ? { field } : {}),
      owner: str(entry, 'owner'),
      state: entry.get('state') === 'removed' ? 'removed' : 'hidden',
      at: num(entry, 'at'),
    });
  });
  return out.sort((a, b) => a.at - b.at || a.key.localeCompare(b.key));
}

/** Whether an entity (not one of its fields) is hidden or removed: its id cannot come back. */
export const isTombstoned = (doc: Y.Doc, part: string, id: string): boolean =>
  doc.getMap<unknown>(MOD_ROOT.hidden).has(`${part}/${id}`);

export const isRevoked = (doc: Y.Doc, participantId: string): boolean =>
  doc.getMap<unknown>(MOD_ROOT.revoked).has(participantId);

/** Why a participant is on the revocation list, and what became of their content. */
export interface Revocation {
  content: 'keep' | 'remove';
  /** They deleted their own data (SPEC R29); else a facilitator removed them (R23). */
  erased: boolean;
}

export function readRevocation(doc: Y.Doc, participantId: string): Revocation | null {
  const entry = doc.getMap<unknown>(MOD_ROOT.revoked).get(participantId);
  if (!(entry instanceof Y.Map)) return null;
  return {
    content: entry.get('content') === 'remove' ? 'remove' : 'keep',
    erased: entry.get('erased') === true,
  };
}

export function readQueue(doc: Y.Doc): Submission[] {
  const out: Submission[] = [];
  doc.getMap<unknown>(MOD_ROOT.queue).forEach((entry, id) => {
    if (!(entry instanceof Y.Map)) return;
    out.push({
      id,
      part: str(entry, 'part'),
      owner: str(entry, 'owner'),
      state: entry.get('state') === 'declined' ? 'declined' : 'pending',
      at: num(entry, 'at'),
    });
  });
  return out.sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
}
