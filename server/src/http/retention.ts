import type { Express, Request, Response } from 'express';
import { deletionTime, type RetentionInfo } from '@twinspace/shared/privacy/retention';
import { retentionRequest } from '@twinspace/shared/privacy/schemas';
import type { RetentionConfig } from '../config.ts';
import type { BoardRecord } from '../store/types.ts';
import { facilitatorsBoard, type FacilitatorRouteDeps } from './facilitator.ts';

export interface RetentionRouteDeps extends FacilitatorRouteDeps {
  retention: RetentionConfig;
  /** retention/activity.ts `keep`: the facilitator's "keep it" counts as activity now. */
  keep: (code: string) => Promise<void>;
}

function infoOf(board: BoardRecord, config: RetentionConfig): RetentionInfo {
  const lastActiveAt = board.lastActiveAt ?? board.createdAt;
  const ownDays = board.retentionDays ?? null;
  return {
    lastActiveAt,
    ownDays,
    defaultDays: config.defaultDays,
    maxDays: config.maxDays,
    deletesAt: deletionTime(lastActiveAt, ownDays ?? config.defaultDays),
  };
}

/**
 * The facilitator's retention routes (`Authorization: Bearer <facilitator token>`, like
 * DELETE): GET /api/boards/:code/retention says when the board goes; PUT sets its own
 * retention (`{ days }`, at most RETENTION_MAX_DAYS, or null for the default); POST
 * .../retention/keep counts as activity now ("keep for another 90 days").
 */
export function mountRetentionRoutes(app: Express, deps: RetentionRouteDeps): void {
  const answer = async (res: Response, code: string): Promise<void> => {
    const board = await deps.store.getBoard(code);
    if (!board) return void res.status(404).json({ error: 'no board has this code' });
    res.json(infoOf(board, deps.retention));
  };
  app.get('/api/boards/:code/retention', async (req: Request, res: Response) => {
    const board = await facilitatorsBoard(deps, req, res);
    if (board) res.json(infoOf(board, deps.retention));
  });
  app.put('/api/boards/:code/retention', async (req: Request, res: Response) => {
    const board = await facilitatorsBoard(deps, req, res);
    if (!board) return;
    const parsed = retentionRequest.safeParse(req.body);
    const days = parsed.success ? parsed.data.days : undefined;
    const { maxDays } = deps.retention;
    if (days === undefined || (days !== null && maxDays > 0 && days > maxDays))
      return void res.status(400).json({
        error: `days must be a whole number from 1 to ${maxDays || 36_500}, or null`,
        reason: 'bad-value',
      });
    await deps.store.setRetention(board.code, days);
    await answer(res, board.code);
  });
  app.post('/api/boards/:code/retention/keep', async (req: Request, res: Response) => {
    const board = await facilitatorsBoard(deps, req, res);
    if (!board) return;
    await deps.keep(board.code);
    await answer(res, board.code);
  });
}
