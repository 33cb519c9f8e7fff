import type * as Y from 'yjs';
import type { Command, CommandResult } from '@twinspace/shared/protocol';
import { modActions, type OwnSubmission } from '../../state/moderationStore.ts';
import { toast } from '../../state/toastStore.ts';
import { readStoredJson, writeStoredJson, writeStored } from '../../sync/storage.ts';
import type { Diverted } from './divert.ts';

/** Where a device keeps its own submissions: `twinspace.mod.<CODE>.<role>` (storage.ts). */
export const submissionsKey = (code: string, role: string): string => `mod.${code}.${role}`;

const isList = (value: unknown): value is OwnSubmission[] =>
  Array.isArray(value) &&
  value.every(
    (s: unknown) =>
      typeof s === 'object' &&
      s !== null &&
      typeof (s as OwnSubmission).id === 'string' &&
      typeof (s as OwnSubmission).part === 'string',
  );

/** Shows what this device submitted before (a reload, offline) as waiting. */
export function loadSubmissions(code: string, role: string): void {
  modActions().setMine(readStoredJson(submissionsKey(code, role), isList) ?? []);
}

function save(code: string, role: string, mine: readonly OwnSubmission[]): void {
  modActions().setMine(mine);
  if (mine.length === 0) writeStored(submissionsKey(code, role), null);
  else writeStoredJson(submissionsKey(code, role), mine);
}

/** Forgets one submission (approved and on the board, refused, or a decline seen). */
export function dropSubmission(code: string, role: string, id: string): void {
  save(
    code,
    role,
    modActions().mine.filter((s) => s.id !== id),
  );
}

/**
 * Sends new entities to the approval queue (SPEC R24): kept on the device first, then sent
 * through the outbox (`mod-submit`, sent again until answered, also after a reload). Shown as
 * waiting until the board holds them or a facilitator declines; a refusal drops one with the
 * usual toast.
 */
export function submitForApproval(
  session: {
    code: string;
    role: string;
    command(cmd: Command): Promise<CommandResult | 'timeout'>;
  },
  diverted: readonly Diverted[],
): void {
  const { code, role } = session;
  const now = Date.now();
  save(code, role, [...modActions().mine, ...diverted.map((d) => ({ ...d, at: now }))]);
  for (const d of diverted) {
    void session
      .command({ type: 'mod-submit', part: d.part, id: d.id, fields: d.fields })
      .then((result) => {
        if (result === 'timeout' || result.type === 'ok') return;
        if (result.reason === 'duplicate') return; // sent twice (a retry): it waits already
        dropSubmission(code, role, d.id);
        toast({ kind: 'command', reason: result.reason, tone: 'warning' });
      });
  }
}

/** Drops what has reached the board: the submissions the document now holds as entities. */
export function settleSubmissions(code: string, role: string, doc: Y.Doc): void {
  const mine = modActions().mine;
  const left = mine.filter((s) => !doc.getMap<unknown>(s.part).has(s.id));
  if (left.length !== mine.length) save(code, role, left);
}
