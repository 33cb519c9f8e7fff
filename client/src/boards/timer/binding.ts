import { TIMER_ROOT } from '@twinspace/shared/boards/timer/layout';
import { readTimer } from '@twinspace/shared/boards/timer/read';
import { timerActions, type TimerParts } from '../../state/timerStore.ts';
import { partsBinding, type PartReaders } from '../common/bindParts.ts';

const READERS: PartReaders<TimerParts> = { timer: { root: TIMER_ROOT, read: readTimer } };

/** Called by every view that shows the timer; the document's timer is mirrored once. */
export const startTimerBinding = partsBinding(READERS, (key, value) =>
  timerActions().setPart(key, value),
);
