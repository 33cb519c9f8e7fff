import type { BoardKind } from '@twinspace/shared';
import { matchSprintServer } from './match-sprint/index.ts';
import { openSpaceServer } from './open-space/index.ts';
import type { BoardServerModule } from './types.ts';

export const BOARD_SERVER: Readonly<Record<BoardKind, BoardServerModule>> = {
  'open-space': openSpaceServer,
  'match-sprint': matchSprintServer,
};
