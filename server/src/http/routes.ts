import express, { type ErrorRequestHandler, type Request } from 'express';
import { normalizeCode } from '@twinspace/shared';
import type { Limits } from '../auth/limits.ts';
import type { TicketSigner } from '../auth/tokens.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import { boardInfo } from '../rooms/board-info.ts';
import type { RoomRegistry } from '../rooms/registry.ts';
import type { Store } from '../store/types.ts';
import { createBoard } from './boards.ts';
import { serveClient } from './static.ts';
import { boardPreview } from './preview/index.ts';
import { requestKey } from './address.ts';
import { tooManyAttempts } from './budget.ts';
import { exportRoute } from './exports.ts';
import { hardening } from './headers.ts';
import { deleteBoardRoute } from './removal.ts';
import { mountRetentionRoutes } from './retention.ts';
import { mountTransferRoutes, type TransferStore } from './transfers.ts';
import type { PhotoService } from '../photos/service.ts';
import { photoRoutes } from '../photos/routes.ts';
import { harvestZipRoute } from '../photos/zip.ts';
import { eventOfNewBoard, mountEvents } from './events.ts';

export interface HttpDeps {
  config: Config;
  store: Store;
  registry: RoomRegistry;
  limits: Limits;
  tickets: TicketSigner;
  log: Logger;
  storeKind: string;
  /** Deletes a board everywhere (rooms/removal.ts), for DELETE /api/boards/:code. */
  removeBoard: (code: string) => Promise<unknown>;
  /** The facilitator keeps the board (retention/activity.ts). */
  keepBoard: (code: string) => Promise<void>;
  /** One-time links for a facilitator's list of boards (transfers.ts). */
  transfers: TransferStore;
  /** Photos of paper results and the harvest zip (docs/photos.md). */
  photos: PhotoService;
  /** Extra routes (metrics, exports) mounted by other modules. */
  extend?: (app: express.Express) => void;
}

export const originOf = (config: Config, req: Request): string =>
  config.publicUrl ?? `${req.protocol}://${req.get('host')}`;

export function createHttpApp(deps: HttpDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  // A number of hops, not `true`: `true` would believe the client's own leftmost entry.
  app.set('trust proxy', deps.config.proxyHops);
  app.use(hardening());
  app.use(express.json({ limit: '32kb' }));

  app.get('/healthz', (_req, res) => {
    res.json({
      status: 'ok',
      store: deps.storeKind,
      boardsLoaded: deps.registry.loaded,
      uptimeS: Math.round(process.uptime()),
    });
  });

  const eventDeps = {
    ...deps,
    proxyHops: deps.config.proxyHops,
    origin: (req: Request) => originOf(deps.config, req),
  };
  const events = mountEvents(app, eventDeps);

  app.post('/api/boards', async (req, res) => {
    const allowed = await deps.limits.createBoard(requestKey(req, deps.config.proxyHops));
    if (!allowed.ok)
      return void res.status(429).setHeader('Retry-After', String(allowed.retryAfterS)).json({
        error: 'too many boards from this address, wait a while',
        reason: 'too-many-boards',
      });
    const event = await eventOfNewBoard(eventDeps, req, res);
    if (event === false) return;
    const result = await createBoard(deps.store, req.body, originOf(deps.config, req));
    if (!result.ok) return void res.status(400).json({ error: result.error });
    if (event) await deps.store.events.addBoard(event, result.body.code);
    if (event) events.forget(event);
    deps.log.info({ code: result.body.code, kind: result.body.kind }, 'board created');
    res.status(201).json(result.body);
  });

  app.get('/api/boards/:code', async (req, res) => {
    const key = requestKey(req, deps.config.proxyHops);
    const verdict = await deps.limits.lookupAllowed(key);
    if (!verdict.ok) return tooManyAttempts(res, verdict.retryAfterS);
    const code = normalizeCode(req.params.code);
    const board = code ? await deps.store.getBoard(code) : null;
    if (!board) {
      await deps.limits.lookupFailed(key);
      return void res.status(404).json({ error: 'no board has this code' });
    }
    res.json(await deps.registry.with(board.code, (room) => boardInfo(board, room.doc)));
  });

  const proxyHops = deps.config.proxyHops;
  app.use(photoRoutes({ ...deps, proxyHops }));
  // Before export.:format, which would take `zip` for a format.
  app.get('/api/boards/:code/export.zip', harvestZipRoute({ ...deps, proxyHops }));
  app.get(
    '/api/boards/:code/export.:format',
    exportRoute({ ...deps, proxyHops: deps.config.proxyHops }),
  );

  const facilitatorDeps = { ...deps, proxyHops: deps.config.proxyHops };
  app.delete('/api/boards/:code', deleteBoardRoute(facilitatorDeps));
  mountRetentionRoutes(app, {
    ...facilitatorDeps,
    retention: deps.config.retention,
    keep: deps.keepBoard,
  });
  mountTransferRoutes(app, facilitatorDeps);
  deps.extend?.(app);
  app.use('/api', (_req, res) => void res.status(404).json({ error: 'no such API route' }));
  const preview = boardPreview(
    { ...deps, proxyHops: deps.config.proxyHops },
    deps.config.clientDist,
  );
  serveClient(app, deps.config.clientDist, preview);
  app.use(errorHandler(deps.log));
  return app;
}

function errorHandler(log: Logger): ErrorRequestHandler {
  return (err: unknown, _req, res, _next) => {
    const status = (err as { status?: number }).status ?? 500;
    if (status >= 500) log.error({ err }, 'request failed');
    const message =
      status === 400 && (err as { type?: string }).type === 'entity.parse.failed'
        ? 'the body is not valid JSON'
        : status === 413
          ? 'the body is too large'
          : status < 500
            ? (err as Error).message
            : 'internal error';
    res.status(status).json({ error: message });
  };
}
