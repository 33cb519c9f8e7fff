import {
  KeyboardSensor,
  PointerSensor,
  TouchSensor,
  closestCenter,
  pointerWithin,
  useSensor,
  useSensors,
  type CollisionDetection,
  type KeyboardCoordinateGetter,
  type SensorDescriptor,
  type SensorOptions,
} from '@dnd-kit/core';
import type { PointerEvent as ReactPointerEvent } from 'react';

/** Droppable ids of the grid: one per cell, plus the tray of unplaced topics. */
export const TRAY_ID = 'tray';
export const cellId = (slotId: string, spaceId: string): string => `cell|${slotId}|${spaceId}`;
export function parseCellId(id: string): { slotId: string; spaceId: string } | null {
  const [kind, slotId, spaceId] = id.split('|');
  return kind === 'cell' && slotId && spaceId ? { slotId, spaceId } : null;
}

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

const DIRECTIONS = ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'];

/**
 * Arrow keys jump from cell to cell (the nearest droppable in that direction) instead of
 * 25 px steps: a keyboard user reaches any cell in a few presses.
 */
export const cellKeyboardCoordinates: KeyboardCoordinateGetter = (event, { context }) => {
  if (!DIRECTIONS.includes(event.code)) return undefined;
  event.preventDefault();
  const { collisionRect, droppableRects, droppableContainers, over } = context;
  if (!collisionRect) return undefined;
  const cx = collisionRect.left + collisionRect.width / 2;
  const cy = collisionRect.top + collisionRect.height / 2;
  let best: { score: number; x: number; y: number } | null = null;
  for (const entry of droppableContainers.getEnabled()) {
    const rect = droppableRects.get(entry.id);
    if (!rect || entry.id === over?.id) continue;
    const dx = rect.left + rect.width / 2 - cx;
    const dy = rect.top + rect.height / 2 - cy;
    const ahead =
      event.code === 'ArrowRight'
        ? dx
        : event.code === 'ArrowLeft'
          ? -dx
          : event.code === 'ArrowDown'
            ? dy
            : -dy;
    const side = event.code === 'ArrowRight' || event.code === 'ArrowLeft' ? dy : dx;
    if (ahead < 4) continue;
    // Straight ahead beats diagonal: sideways distance weighs double.
    const score = ahead + 2 * Math.abs(side);
    if (best === null || score < best.score)
      best = {
        score,
        x: rect.left + (rect.width - collisionRect.width) / 2,
        y: rect.top + (rect.height - collisionRect.height) / 2,
      };
  }
  return best ? { x: best.x, y: best.y } : undefined;
};

/** Under the pointer when there is one (a drop lands where the finger is), else the nearest. */
export const gridCollision: CollisionDetection = (args) => {
  if (args.pointerCoordinates) {
    const hits = pointerWithin(args);
    if (hits.length > 0) return hits;
  }
  return closestCenter(args);
};

/**
 * The page scrolls by itself only with the pointer in the outer 6 % of the screen, slowly.
 * dnd-kit's default (the outer 20 %, fast) scrolled the grid away under a pointer aimed at a
 * cell low on the screen: the drop landed a row below, every time.
 */
export const GRID_AUTO_SCROLL = {
  threshold: { x: 0.06, y: 0.06 },
  acceleration: 4,
} as const;

export function useGridSensors(): SensorDescriptor<SensorOptions>[] {
  return useSensors(
    useSensor(MousePenSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 220, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter: cellKeyboardCoordinates }),
  );
}
