import express, { type Request, type Response, type NextFunction } from 'express';
import { normalizeCode } from '@twinspace/shared';
import { PHOTO_LIMITS } from '@twinspace/shared/boards/photos/layout';
import type { TicketSigner } from '../auth/tokens.ts';
import type { Limits } from '../auth/limits.ts';
import type { RoomRegistry } from '../rooms/registry.ts';
import type { Store } from '../store/types.ts';
import { credentialOf, type Credential } from './credential.ts';
import type { PhotoService, UploadResult } from './service.ts';

export interface PhotoRouteDeps {
  store: Store;
  registry: RoomRegistry;
  tickets: TicketSigner;
  limits: Limits;
  proxyHops: number;
  photos: PhotoService;
}

/** Each refusal of an upload: its status and a typed reason the client translates. */
const REFUSED: Record<Exclude<UploadResult, { ok: true }>['reason'], number> = {
  'not-an-image': 415,
  'too-many-pixels': 413,
  'bad-target': 400,
  'person-full': 409,
  'board-full': 507,
  'store-full': 507,
  'no-board': 404,
  removed: 403,
};

/**
 * The photo routes (docs/photos.md): POST an image, GET it back, GET a read key. Every
 * failed credential spends the client's lookup budget, as every lookup by code does.
 */
export function photoRoutes(deps: PhotoRouteDeps): express.Router {
  const router = express.Router();

  const identify = credentialOf(deps);

  const raw = express.raw({ type: () => true, limit: PHOTO_LIMITS.bytes });
  /** The body, or a typed 413 over the limit (before any byte past it is read). */
  const body = (req: Request, res: Response, next: NextFunction): void =>
    raw(req, res, (err?: unknown) => {
      if (!err) return next();
      const status = (err as { status?: number }).status === 413 ? 413 : 400;
      res.status(status).json({
        error:
          status === 413
            ? `a photo may have at most ${PHOTO_LIMITS.bytes} bytes`
            : 'unreadable body',
        reason: status === 413 ? 'too-large' : 'bad-body',
      });
    });

  router.post('/api/boards/:code/photos', async (req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    const who = await identify(req, res);
    if (!who) return;
    if (who.role === 'projector')
      return void res.status(403).json({
        error: 'a projector shows photos, it does not add them',
        reason: 'read-only-role',
      });
    const allowed = await deps.limits.photoUpload(who.board.code, who.id);
    if (!allowed.ok)
      return void res
        .status(429)
        .setHeader('Retry-After', String(allowed.retryAfterS))
        .json({ error: 'too many photos at once, wait a minute', reason: 'rate-limited' });
    body(req, res, () => void upload(req, res, who).catch(next));
  });

  async function upload(req: Request, res: Response, who: Credential): Promise<void> {
    const bytes = Buffer.isBuffer(req.body) ? new Uint8Array(req.body) : new Uint8Array();
    const text = (value: unknown): string => (typeof value === 'string' ? value : '');
    const target = { part: text(req.query.part), ref: text(req.query.ref) };
    const out = await deps.photos.upload(who.board, { role: who.role, id: who.id }, bytes, target);
    if (out.ok) return void res.status(201).json(out);
    res.status(REFUSED[out.reason]).json({ error: out.reason, reason: out.reason });
  }

  router.get('/api/boards/:code/photos/key', async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    const who = await identify(req, res);
    if (who) res.json(deps.photos.keys.issue(who.board.code));
  });

  router.get('/api/boards/:code/photos/:id', async (req, res) => {
    const code = normalizeCode(String(req.params.code)) ?? '';
    const key = typeof req.query.k === 'string' ? req.query.k : '';
    const byKey = key !== '' && deps.photos.keys.verify(code, key);
    if (!byKey && !(await identify(req, res))) return;
    const photo = await deps.photos.read(code, String(req.params.id));
    if (!photo) return void res.status(404).json({ error: 'no such photo', reason: 'not-found' });
    res
      .status(200)
      .type(photo.type)
      .set({
        // The bytes of an id never change; private: a shared cache must not keep a board's photos.
        'Cache-Control': 'private, max-age=86400, immutable',
        'X-Content-Type-Options': 'nosniff',
        // Opened on its own, the response can run nothing, whatever a hostile file held.
        'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
        'Content-Disposition': 'inline',
      })
      .send(Buffer.from(photo.bytes.buffer, photo.bytes.byteOffset, photo.bytes.byteLength));
  });

  return router;
}
