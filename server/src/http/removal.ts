import type { Request, Response } from 'express';
import type { Logger } from '../log.ts';
import { facilitatorsBoard, type FacilitatorRouteDeps } from './facilitator.ts';

export interface RemovalRouteDeps extends FacilitatorRouteDeps {
  log: Logger;
  /** rooms/removal.ts `removeBoard`, wired by app.ts. */
  removeBoard: (code: string) => Promise<unknown>;
}

/**
 * DELETE /api/boards/:code with `Authorization: Bearer <facilitator token>`: 204 once the
 * board and everything of it are gone (docs/privacy.md); 401 and nothing deleted without
 * the board's own facilitator token.
 */
export function deleteBoardRoute(deps: RemovalRouteDeps) {
  return async (req: Request, res: Response): Promise<void> => {
    const board = await facilitatorsBoard(deps, req, res);
    if (!board) return;
    await deps.removeBoard(board.code);
    deps.log.info({ code: board.code }, 'board deleted by its facilitator');
    res.status(204).end();
  };
}
