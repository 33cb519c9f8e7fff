import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { fromBase64, toBase64 } from 'lib0/buffer';
import { readAuthMessage } from 'y-protocols/auth';
import { writeSyncStep1 } from 'y-protocols/sync';
import type { WebsocketProvider } from 'y-websocket';
import {
  applyChanges,
  createdBy,
  orphanedChanges,
  readChanges,
  subjectOf,
  type Change,
} from './editOps.ts';
import { withLocalEdit } from './connectionState.ts';
import type { ConnectionTracker } from './connectionTracker.ts';
import type { Role } from '@twinspace/shared/rules/model';
import { dbName, hasIndexedDb, loadIdb } from './deviceCopy.ts';
import { readStoredJson, writeStoredJson } from './storage.ts';

/** One local transaction: what it did (to replay it) and its Yjs update (to recognise it). */
interface Edit {
  n: number;
  c: Change[] | null;
  r: string;
}
interface Stored {
  edits: Edit[];
  queue: Edit[];
}

const isStored = (v: unknown): v is Stored =>
  typeof v === 'object' &&
  v !== null &&
  Array.isArray((v as Stored).edits) &&
  Array.isArray((v as Stored).queue);

export const editLogKey = (code: string, role: string): string => `pending.${code}.${role}`;

/** Empties the device copy before it is loaded. */
async function dropCopy(code: string, role: Role): Promise<void> {
  if (!hasIndexedDb()) return;
  await loadIdb()
    .then(({ clearDocument }) => clearDocument(dbName(code, role)))
    .catch(() => undefined);
}

/**
 * The edits (in order) whose Yjs update would change `doc`, or builds on something it does
 * not have: what `doc` lacks of them.
 */
function lacking(doc: Y.Doc, edits: readonly Edit[]): Edit[] {
  const scratch = new Y.Doc();
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc));
  let changed = false;
  scratch.on('update', () => (changed = true));
  const missing = edits.filter((edit) => {
    // Yjs merges what waits for missing parts into its pending update: a new one means
    // this edit builds on something the document does not have.
    const waiting = scratch.store.pendingStructs?.update;
    const deletes = scratch.store.pendingDs;
    changed = false;
    Y.applyUpdate(scratch, fromBase64(edit.r));
    const s = scratch.store;
    return changed || s.pendingStructs?.update !== waiting || s.pendingDs !== deletes;
  });
  scratch.destroy();
  return missing;
}

/** After local edits while connected, one question to the server covers the whole burst. */
const ACK_DELAY_MS = 1_000;
/** y-protocols' message types, as y-websocket frames them. */
const MESSAGE_SYNC = 0;
const MESSAGE_AUTH = 2;
const STEP1 = 0;
const STEP2 = 1;

/**
 * The person's edits the server has not confirmed yet, one entry per local transaction,
 * kept in localStorage beside the device copy (SPEC R21). Confirmation needs no extra
 * message: after sending, the client asks for the server's state (a sync step 1); the
 * room answers in the order it judged frames, so an answer with no refusal before it
 * confirms every edit sent before the question.
 *
 * After a refusal the document is rebuilt from the server's state and the edits the
 * server does not have are applied again one at a time, each sent and confirmed before
 * the next: the one the server refuses again is named and dropped, the rest are kept.
 */
export class EditLog {
  private edits: Edit[];
  private queue: Edit[];
  private next: number;
  private inFlight: Edit | null = null;
  /** Hears of edits whose entity someone else deleted meanwhile (attach's `onLost`). */
  private onLost: (subject: string | null) => void = () => undefined;
  /** What refused edits created: edits into it are gone with them, already named. */
  private readonly refusedCreates = new Set<string>();
  private saving = false;
  private readonly key: string;
  /**
   * Resolves once the device copy may be loaded. Reopened in the middle of a replay, the
   * copy is emptied first: what it holds beyond the server's state is in the log, and it
   * may hold the refused edit.
   */
  readonly ready: Promise<void>;

  constructor(code: string, role: Role) {
    this.key = editLogKey(code, role);
    const stored = readStoredJson(this.key, isStored) ?? { edits: [], queue: [] };
    // Reopened during a replay: the copy is rebuilt, so edits not confirmed are replayed.
    this.queue = stored.queue.length > 0 ? [...stored.edits, ...stored.queue] : stored.queue;
    this.edits = stored.queue.length > 0 ? [] : stored.edits;
    this.next = Math.max(0, ...[...this.edits, ...this.queue].map((e) => e.n + 1));
    this.ready = this.replaying ? dropCopy(code, role) : Promise.resolve();
  }

  /** Edits wait to be replayed: the device copy must be rebuilt from the server's state. */
  get replaying(): boolean {
    return this.queue.length > 0;
  }

  /**
   * Records `doc`'s local transactions and confirms them over `provider`; `onRefused` hears
   * the server's refusals (y-protocols' "permission denied", which y-websocket only logs);
   * `onLost` hears of confirmed edits that wrote into something deleted meanwhile by someone
   * else (the server kept nothing of them), with a few words of what they were.
   */
  attach(
    doc: Y.Doc,
    provider: WebsocketProvider,
    tracker: ConnectionTracker,
    onRefused: (reason: string) => void,
    onLost: (subject: string | null) => void = () => undefined,
  ): void {
    this.onLost = onLost;
    this.requeueMissing(doc);
    const seen = new WeakMap<Y.Transaction, Change[] | null>();
    const marks: (number | null)[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = (): void => {
      clearTimeout(timer);
      if (!provider.wsconnected || !provider.ws || doc.isDestroyed) return;
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, MESSAGE_SYNC);
      writeSyncStep1(e, doc);
      marks.push(this.next);
      provider.ws.send(encoding.toUint8Array(e));
    };
    const settled = (): void => {
      if (this.edits.length === 0) tracker.update((f) => ({ ...f, pendingLocal: false }));
      if (this.inFlight && !this.edits.includes(this.inFlight)) this.replayNext(doc, ask);
    };
    provider.messageHandlers[MESSAGE_AUTH] = (_encoder, decoder) =>
      readAuthMessage(decoder, doc, (_doc, reason) => onRefused(reason));
    const original = provider.messageHandlers[MESSAGE_SYNC];
    provider.messageHandlers[MESSAGE_SYNC] = (encoder, decoder, p, emitSynced, type) => {
      const step = decoding.peekVarUint(decoder);
      original?.(encoder, decoder, p, emitSynced, type);
      // Our answer to the server's step 1 (edits made offline) goes out first: ask after it.
      if (step === STEP1) queueMicrotask(ask);
      if (step !== STEP2) return;
      const mark = marks.shift();
      if (mark === undefined || mark === null) return;
      const lost = orphanedChanges(
        doc,
        this.confirmBefore(mark).flatMap((e) => e.c ?? []),
      );
      this.reportLost(lost);
      settled();
    };
    // The first answer on a connection is to y-websocket's own step 1: it confirms nothing.
    const onStatus = ({ status }: { status: string }): void => {
      marks.length = 0;
      if (status === 'connected') marks.push(null);
    };
    const onSync = (synced: boolean): void => {
      if (!synced) return;
      if (this.edits.length > 0) tracker.update((f) => ({ ...f, pendingLocal: true }));
      if (this.queue.length > 0 && !this.inFlight) this.startReplay(doc, ask);
    };
    const afterTransaction = (tr: Y.Transaction): void => {
      if (tr.local) seen.set(tr, readChanges(doc, tr));
    };
    const onUpdate = (update: Uint8Array, _o: unknown, _d: Y.Doc, tr: Y.Transaction): void => {
      const changes = seen.get(tr);
      if (changes === undefined) return;
      tracker.update(withLocalEdit);
      this.edits.push({ n: this.next++, c: changes, r: toBase64(update) });
      this.save();
      clearTimeout(timer);
      if (provider.wsconnected) timer = setTimeout(ask, this.inFlight ? 0 : ACK_DELAY_MS);
    };
    provider.on('status', onStatus);
    provider.on('sync', onSync);
    doc.on('afterTransaction', afterTransaction);
    doc.on('update', onUpdate);
    if (this.edits.length > 0) tracker.update((f) => ({ ...f, pendingLocal: true }));
  }

  /**
   * The server refused something. Every edit not confirmed is queued for replay onto the
   * rebuilt document. Returns what to tell the person: during a replay the refused edit is
   * known (its few words, and it is dropped); otherwise it is found by the replay, unless
   * there was nothing to replay at all.
   */
  refused(): { report: boolean; subject: string | null } {
    const refused = this.inFlight;
    this.inFlight = null;
    for (const path of createdBy(refused?.c ?? [])) this.refusedCreates.add(path);
    this.queue = [...this.queue, ...this.edits.filter((e) => e !== refused)];
    this.edits = [];
    this.save();
    if (refused) return { report: true, subject: refused.c ? subjectOf(refused.c) : null };
    return { report: this.queue.length === 0, subject: null };
  }

  clear(): void {
    this.edits = [];
    this.queue = [];
    this.inFlight = null;
    this.save();
  }

  private reportLost(lost: readonly Change[]): void {
    if (lost.length > 0) this.onLost(subjectOf(lost) ?? subjectOf(lost, true));
  }

  /** The edits the server has now (sent before the question `mark` answers), taken off. */
  private confirmBefore(mark: number): Edit[] {
    const confirmed = this.edits.filter((e) => e.n < mark);
    if (confirmed.length === 0) return confirmed;
    this.edits = this.edits.filter((e) => e.n >= mark);
    this.save();
    return confirmed;
  }

  /**
   * Edits the document does not hold are replayed, not confirmed: the device copy that should
   * have kept them may be missing (IndexedDB unavailable, or given up on) or older than the
   * log (a write IndexedDB refused, a full disk). Confirmation counts an answer as covering
   * every edit before the question, so an edit left in `edits` but not in the document was
   * dropped from the log at the first answer, never sent, without a word.
   */
  private requeueMissing(doc: Y.Doc): void {
    if (this.edits.length === 0) return;
    const missing = new Set(lacking(doc, this.edits));
    if (missing.size === 0) return;
    // In their order: the held ones stay to be confirmed, the rest are applied again.
    this.queue = [...this.edits.filter((e) => missing.has(e)), ...this.queue];
    this.edits = this.edits.filter((e) => !missing.has(e));
    this.save();
  }

  /** Keeps only the queued edits the server does not have (`doc` holds its state now). */
  private startReplay(doc: Y.Doc, ask: () => void): void {
    this.queue = lacking(doc, this.queue);
    this.save();
    this.replayNext(doc, ask);
  }

  /** Applies the next queued edit as a fresh transaction; its confirmation triggers the next. */
  private replayNext(doc: Y.Doc, ask: () => void): void {
    this.inFlight = null;
    for (let edit = this.queue.shift(); edit; edit = this.queue.shift()) {
      const { c } = edit;
      const count = this.next;
      // A change into an entity deleted meanwhile is skipped: the person hears of it, unless
      // the entity was their own refused one (that refusal named it).
      if (c) this.reportLost(orphanedChanges(doc, c, this.refusedCreates));
      if (c) doc.transact(() => applyChanges(doc, c));
      this.save();
      // Nothing applied (its topic is gone with a refused one): nothing to wait for.
      if (this.next === count) continue;
      this.inFlight = this.edits.at(-1) ?? null;
      ask();
      return;
    }
  }

  /** One write per task, however many edits a burst records. */
  private save(): void {
    if (this.saving) return;
    this.saving = true;
    queueMicrotask(() => {
      this.saving = false;
      writeStoredJson(this.key, { edits: this.edits, queue: this.queue });
    });
  }
}
