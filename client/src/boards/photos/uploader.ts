import { newEntityId } from '@twinspace/shared/ids';
import { photosPath } from '@twinspace/shared/boards/photos/layout';
import { TIMING } from '@twinspace/shared/timing';
import type { BoardSession } from '../../sync/boardSession.ts';
import { useConnectionStore } from '../../state/connectionStore.ts';
import { photoActions, type PendingPhoto } from '../../state/photosStore.ts';
import { deleteQueued, putQueued, queuedFor, type QueuedPhoto } from './queue.ts';

/** How often a waiting photo is tried again while the device believes it is online. */
const RETRY_MS = 15_000;
/** Answers after which trying again cannot help: the photo is refused, and the person told. */
const FINAL = new Set([400, 403, 404, 409, 413, 415, 507]);

const previews = new Map<string, string>();
const previewOf = (photo: QueuedPhoto): string => {
  let url = previews.get(photo.key);
  if (!url) previews.set(photo.key, (url = URL.createObjectURL(photo.blob)));
  return url;
};

/**
 * The board is in step with the server: connected, synced, and every edit made on this
 * device confirmed (connectionState.ts). A photo goes only then: one taken offline of a
 * point also made offline would otherwise reach the server before its point does, and be
 * refused for good as "bad-target" although the point arrives a moment later.
 */
const inStep = (): boolean => useConnectionStore.getState().state === 'online';

/**
 * Sends one board's waiting photos, oldest first, whenever it can: at once, when the board
 * is back in step with the server, and every RETRY_MS. A photo leaves the device's queue
 * only when the server has stored and attached it (201), or refused it for good (the
 * reason is shown beside it until the person dismisses it). docs/photos.md.
 */
export class PhotoUploader {
  private busy = false;
  private timer: ReturnType<typeof setInterval> | null = null;
  private unsubscribe: (() => void) | null = null;
  private readonly wake = (): void => void this.flush();

  constructor(private readonly session: BoardSession) {}

  /** Shows what waits on this device and sends it, now and whenever the board is in step. */
  start(): void {
    if (this.timer) return;
    this.unsubscribe = useConnectionStore.subscribe((now, before) => {
      if (now.state === 'online' && before.state !== 'online') this.wake();
    });
    this.timer = setInterval(this.wake, RETRY_MS);
    void this.show().then(this.wake);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  /** Queues a shrunk photo for this board (persisted first), then tries to send it. */
  async add(part: string, ref: string, blob: Blob): Promise<void> {
    const key = newEntityId(16);
    await putQueued({ key, code: this.session.code, part, ref, blob, createdAt: Date.now() });
    await this.show();
    void this.flush();
  }

  async dismiss(key: string): Promise<void> {
    await deleteQueued(key);
    await this.show();
  }

  private async show(): Promise<void> {
    const queued = await queuedFor(this.session.code).catch(() => []);
    const pending: PendingPhoto[] = queued.map((p) => ({
      key: p.key,
      part: p.part,
      ref: p.ref,
      preview: previewOf(p),
      ...(p.failed ? { failed: p.failed } : {}),
    }));
    for (const [key, url] of previews)
      if (!queued.some((p) => p.key === key)) {
        URL.revokeObjectURL(url);
        previews.delete(key);
      }
    photoActions().setPending(pending);
  }

  async flush(): Promise<void> {
    if (this.busy || !this.timer || !navigator.onLine || !inStep()) return;
    this.busy = true;
    try {
      for (const photo of await queuedFor(this.session.code)) {
        if (photo.failed) continue;
        if (!(await this.send(photo))) break;
      }
    } finally {
      this.busy = false;
      await this.show();
    }
  }

  /** Sends one photo; false when the network or the server is not there (try later). */
  private async send(photo: QueuedPhoto): Promise<boolean> {
    const credential = await this.session.readCredential().catch(() => null);
    if (!credential) return false;
    const query = new URLSearchParams({ part: photo.part, ref: photo.ref });
    let res: Response;
    try {
      res = await fetch(`${photosPath(this.session.code)}?${query}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${credential}`, 'content-type': photo.blob.type },
        body: photo.blob,
        cache: 'no-store',
        // Older browsers without AbortSignal.timeout wait as before.
        signal: AbortSignal.timeout?.(TIMING.photoUploadTimeoutMs),
      });
    } catch {
      return false;
    }
    if (res.status === 201) {
      const body = (await res.json().catch(() => null)) as {
        key?: string;
        expires?: number;
      } | null;
      if (body?.key && body.expires)
        photoActions().setReadKey({
          code: this.session.code,
          key: body.key,
          expires: body.expires,
        });
      await deleteQueued(photo.key);
      return true;
    }
    if (!FINAL.has(res.status)) return false;
    const reason = ((await res.json().catch(() => null)) as { reason?: string } | null)?.reason;
    await putQueued({ ...photo, failed: reason ?? String(res.status) });
    return true;
  }
}
