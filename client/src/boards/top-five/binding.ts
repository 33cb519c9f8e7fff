import { TF_ROOT } from '@twinspace/shared/boards/top-five/layout';
import { readPoints } from '@twinspace/shared/boards/top-five/logic';
import { tfActions, type TfParts } from '../../state/topFiveStore.ts';
import { partsBinding, type PartReaders } from '../common/bindParts.ts';

const READERS: PartReaders<TfParts> = { points: { root: TF_ROOT.points, read: readPoints } };

/** Called by the views; the document's points are mirrored once. */
export const startTopFiveBinding = partsBinding(READERS, (key, value) =>
  tfActions().setPart(key, value),
);
