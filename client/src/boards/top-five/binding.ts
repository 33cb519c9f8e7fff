import type * as Y from 'yjs';
import { TF_ROOT } from '@twinspace/shared/boards/top-five/layout';
import { readPoints } from '@twinspace/shared/boards/top-five/logic';
import { mirrorRoots, registerDocBinder } from '../../sync/docBinding.ts';
import { tfActions } from '../../state/topFiveStore.ts';

const PARTS = [{ root: TF_ROOT.points, key: 'points' as const, read: readPoints }];

const bindTopFive = (doc: Y.Doc): (() => void) =>
  mirrorRoots(doc, PARTS, (_key, value) =>
    tfActions().setPoints(value as ReturnType<typeof readPoints>),
  );

/** Called once by the views; every bound document (and every later one) is mirrored. */
export const startTopFiveBinding = (): void => registerDocBinder(bindTopFive);
