import type { BoardServerModule } from '../types.ts';

export const openSpaceServer: BoardServerModule = {
  commands: {},
  exports: {},
};
