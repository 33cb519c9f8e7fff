import type { BoardServerModule } from '../types.ts';
import { topFiveHandlers } from '../top-five.ts';
import { openSpaceHandlers } from './commands.ts';
import { openSpaceExports } from './exports.ts';

export const openSpaceServer: BoardServerModule = {
  commands: { ...openSpaceHandlers, ...topFiveHandlers },
  exports: openSpaceExports,
};
