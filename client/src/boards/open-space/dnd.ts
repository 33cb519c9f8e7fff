import {
  KeyboardSensor,
  PointerSensor,
  TouchSensor,
  useSensor,
  useSensors,
  type CollisionDetection,
  type SensorDescriptor,
  type SensorOptions,
} from '@dnd-kit/core';
import { useMemo, type PointerEvent as ReactPointerEvent } from 'react';
import { centreFirst, keyboardSteps, neighbour, type StepKey } from '../common/keyboardSteps.ts';

import { TRAY_ID, cellId, parseCellId } from './cells.ts';

export { TRAY_ID, cellId, parseCellId };

/**
 * Mouse and pen only: on touch screens the TouchSensor below takes over with a press delay,
 * so a finger can still scroll the grid (and the page) without picking a topic up.
 */
class MousePenSensor extends PointerSensor {
  static override activators = [
    {
      eventName: 'onPointerDown' as const,
      handler: ({ nativeEvent }: ReactPointerEvent): boolean =>
        nativeEvent.isPrimary && nativeEvent.button === 0 && nativeEvent.pointerType !== 'touch',
    },
  ];
}

/**
 * Arrow keys step by cell in the grid's own order, in every layout (the grid stacks on a
 * phone): right and left to the next and previous space (on to the next slot at a row's
 * end), down and up to the same space in the next and previous slot; up from the first slot
 * to the tray. dnd-kit announces each cell by its name.
 */
export function cellSteps(
  slots: readonly { id: string }[],
  spaces: readonly { id: string }[],
): (from: string | null, key: StepKey) => string | null {
  return (from, key) => {
    const cells = slots.flatMap((slot) => spaces.map((space) => cellId(slot.id, space.id)));
    const at = from === null ? null : parseCellId(from);
    if (!at) return key === 'up' ? null : (cells[0] ?? null);
    const row = slots.findIndex((s) => s.id === at.slotId);
    const col = spaces.findIndex((s) => s.id === at.spaceId);
    if (key === 'next' || key === 'previous')
      return neighbour(cells, cellId(at.slotId, at.spaceId), key === 'next');
    const slot = slots[row + (key === 'down' ? 1 : -1)];
    const space = spaces[col];
    if (!slot || !space) return key === 'up' ? TRAY_ID : null;
    return cellId(slot.id, space.id);
  };
}

/** Under the pointer when there is one (a drop lands where the finger is), else the nearest. */
export const gridCollision: CollisionDetection = centreFirst;

/**
 * The page scrolls by itself only with the pointer in the outer 6 % of the screen, slowly.
 * dnd-kit's default (the outer 20 %, fast) scrolled the grid away under a pointer aimed at a
 * cell low on the screen: the drop landed a row below, every time.
 */
export const GRID_AUTO_SCROLL = {
  threshold: { x: 0.06, y: 0.06 },
  acceleration: 4,
} as const;

export function useGridSensors(
  steps: (from: string | null, key: StepKey) => string | null,
): SensorDescriptor<SensorOptions>[] {
  const coordinateGetter = useMemo(() => keyboardSteps(steps), [steps]);
  return useSensors(
    useSensor(MousePenSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 220, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter }),
  );
}
