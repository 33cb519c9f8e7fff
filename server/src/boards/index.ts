import type { BoardKind } from '@twinspace/shared';
import { matchSprintServer } from './match-sprint/index.ts';
import { openSpaceServer } from './open-space/index.ts';
import type { BoardServerModule } from './types.ts';

/**
 * The server's registry of board kinds, one line per kind (docs/adding-a-board.md). app.ts
 * hands it to the room layer at start-up; rooms/ never imports it.
 */
export const BOARD_SERVER: Readonly<Record<BoardKind, BoardServerModule>> = {
  'open-space': openSpaceServer,
  'match-sprint': matchSprintServer,
};
