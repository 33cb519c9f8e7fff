import type { BoardServerModule } from '../types.ts';

export const matchSprintServer: BoardServerModule = {
  commands: {},
  exports: {},
};
