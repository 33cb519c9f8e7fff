import * as Y from 'yjs';
import { ENTITY_ID_RE, isRevoked, newEntityId, type BoardKind, type Role } from '@twinspace/shared';
import {
  PHOTO_GROUP_TARGETS,
  PHOTO_ROOT,
  PHOTO_TARGETS,
  photoPath,
} from '@twinspace/shared/boards/photos/layout';
import { readPhotos } from '@twinspace/shared/boards/photos/read';
import { TF_ROOT } from '@twinspace/shared/boards/top-five/layout';
import type { RoomRegistry } from '../rooms/registry.ts';
import type { Room } from '../rooms/room.ts';
import type { PhotoCaps, PhotoRecord } from '../store/photos.ts';
import type { Store } from '../store/types.ts';
import { insertIntoHtml, photoGroups, photosHtml } from './harvest.ts';
import { cleanImage } from './image.ts';
import type { PhotoKeys } from './key.ts';

/** Who sends an upload: from the facilitator's token or a join ticket. */
export interface Uploader {
  role: Role;
  /** The participant id; `facilitator` for a facilitator known by the token alone. */
  id: string;
}

export interface Target {
  part: string;
  ref: string;
}

/** The answers of an upload, each mapped to one HTTP status by routes.ts. */
export type UploadResult =
  | { ok: true; id: string; url: string; key: string; expires: number }
  | {
      ok: false;
      reason:
        | 'not-an-image'
        | 'too-many-pixels'
        | 'bad-target'
        | 'person-full'
        | 'board-full'
        | 'store-full'
        | 'no-board'
        | 'removed';
    };

/** A photo the document no longer names is deleted once it is this old (uploads in flight are younger). */
const DETACHED_GRACE_MS = 2 * 60_000;

/**
 * Photos of one server: stores an upload, then attaches it to the board's document as the
 * server (so the attachment exists only once its bytes are durable), and serves a photo only
 * while the document still names it. docs/photos.md.
 */
export class PhotoService {
  constructor(
    private readonly store: Store,
    private readonly registry: RoomRegistry,
    readonly keys: PhotoKeys,
    private readonly caps: PhotoCaps,
  ) {}

  async upload(
    board: { code: string; kind: BoardKind },
    by: Uploader,
    body: Uint8Array,
    target: Target,
  ): Promise<UploadResult> {
    const verdict = cleanImage(body);
    if (!verdict.ok) return verdict;
    const { image } = verdict;
    return this.registry.with(board.code, async (room) => {
      if (!targetExists(room.doc, board.kind, target))
        return { ok: false, reason: 'bad-target' } as const;
      // Removed or erased while the body was on its way (its ticket was checked before).
      if (by.role === 'participant' && !(await this.stillHere(board.code, room, by.id)))
        return { ok: false, reason: 'removed' } as const;
      await this.sweep(board.code, room.doc);
      const record: PhotoRecord = {
        board: board.code,
        id: newEntityId(16),
        owner: by.id,
        type: image.type,
        size: image.bytes.length,
        createdAt: Date.now(),
      };
      const put = await this.store.photos.put(record, image.bytes, this.caps);
      if (put !== 'ok') return { ok: false, reason: put } as const;
      const written = { attached: false };
      await room.writeAsServer((doc) => {
        // Removed or erased since the check above (the board's queue decides): not attached.
        if (by.role === 'participant' && isRevoked(doc, by.id)) return;
        attach(doc, record, target, image);
        written.attached = true;
      });
      if (!written.attached) {
        await this.store.photos.remove(board.code, record.id);
        return { ok: false, reason: 'removed' } as const;
      }
      const { key, expires } = this.keys.issue(board.code);
      const url = `${photoPath(board.code, record.id)}?k=${key}`;
      return { ok: true, id: record.id, url, key, expires } as const;
    });
  }

  private async stillHere(code: string, room: Room, id: string): Promise<boolean> {
    return !room.revoked(id) && (await this.store.getParticipant(code, id)) !== null;
  }

  /**
   * A person left the board (removed with their content, or erased: SPEC R23, R29): the
   * bytes of their photos it no longer names leave the store at once, not on a later sweep.
   */
  async forgetPhotosOf(code: string, owner: string): Promise<void> {
    const named = await this.registry.with(
      code,
      (room) => new Set(room.doc.getMap<unknown>(PHOTO_ROOT.photos).keys()),
    );
    for (const record of await this.store.photos.list(code))
      if (record.owner === owner && !named.has(record.id))
        await this.store.photos.remove(code, record.id);
  }

  /** The photo, if its board's document still names it; a detached one is deleted on the way. */
  async read(code: string, id: string): Promise<{ type: string; bytes: Uint8Array } | null> {
    if (!ENTITY_ID_RE.test(id)) return null;
    const stored = await this.store.photos.get(code, id);
    if (!stored) return null;
    // The board may be going away right now (deleted): then the photo is not served.
    const attached = await this.registry
      .with(code, (room) => room.doc.getMap<unknown>(PHOTO_ROOT.photos).has(id))
      .catch(() => false);
    if (attached) return { type: stored.record.type, bytes: stored.bytes };
    if (Date.now() - stored.record.createdAt > DETACHED_GRACE_MS)
      await this.store.photos.remove(code, id);
    return null;
  }

  /** Every attached photo with its bytes (exports). */
  async attached(code: string, doc: Y.Doc): Promise<Map<string, Uint8Array>> {
    const out = new Map<string, Uint8Array>();
    for (const photo of readPhotos(doc)) {
      const stored = await this.store.photos.get(code, photo.id);
      if (stored) out.set(photo.id, stored.bytes);
    }
    return out;
  }

  /**
   * The printable proceedings (export.html) with the photos in the page as data: URLs: a
   * downloaded page that officials file must show them without a key that expires.
   */
  async embedInHtml(code: string, page: string, language: string | undefined): Promise<string> {
    return this.registry.with(code, async (room) => {
      const groups = photoGroups(room.doc, language);
      if (groups.length === 0) return page;
      const bytes = await this.attached(code, room.doc);
      const src = (p: { id: string; type: string }): string =>
        `data:${p.type};base64,${Buffer.from(bytes.get(p.id) ?? new Uint8Array()).toString('base64')}`;
      const present = groups
        .map((g) => ({ ...g, photos: g.photos.filter((p) => bytes.has(p.id)) }))
        .filter((g) => g.photos.length > 0);
      return insertIntoHtml(page, photosHtml(present, language, src));
    });
  }

  /**
   * Deletes the bytes of photos taken off the board (their owner or the facilitator deleted
   * the attachment), so they stop counting against the caps and leave the store.
   */
  private async sweep(code: string, doc: Y.Doc): Promise<void> {
    const named = doc.getMap<unknown>(PHOTO_ROOT.photos);
    const old = Date.now() - DETACHED_GRACE_MS;
    for (const record of await this.store.photos.list(code))
      if (!named.has(record.id) && record.createdAt < old)
        await this.store.photos.remove(code, record.id);
  }
}

/** The photo's entity in the document, written by the server once its bytes are stored. */
function attach(
  doc: Y.Doc,
  record: PhotoRecord,
  target: Target,
  image: { type: string; width: number; height: number },
): void {
  const entity = new Y.Map<unknown>();
  doc.getMap<unknown>(PHOTO_ROOT.photos).set(record.id, entity);
  entity.set('owner', record.owner);
  entity.set('createdAt', record.createdAt);
  entity.set('part', target.part);
  entity.set('ref', target.ref);
  entity.set('type', image.type);
  entity.set('width', image.width);
  entity.set('height', image.height);
  entity.set('caption', '');
}

/** The target part is one this kind attaches photos to, and what it names exists. */
function targetExists(doc: Y.Doc, kind: BoardKind, { part, ref }: Target): boolean {
  if (!PHOTO_TARGETS[kind].includes(part)) return false;
  if (PHOTO_GROUP_TARGETS.includes(part)) {
    if (ref.length > 60) return false;
    for (const point of doc.getMap<unknown>(TF_ROOT.points).values())
      if (point instanceof Y.Map && (point.get('group') ?? '') === ref) return true;
    return false;
  }
  return ENTITY_ID_RE.test(ref) && doc.getMap<unknown>(part).get(ref) instanceof Y.Map;
}
