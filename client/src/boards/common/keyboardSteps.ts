import {
  closestCenter,
  pointerWithin,
  type CollisionDetection,
  type KeyboardCoordinateGetter,
} from '@dnd-kit/core';

export type StepKey = 'next' | 'previous' | 'down' | 'up';

const KEYS: Readonly<Record<string, StepKey>> = {
  ArrowRight: 'next',
  ArrowLeft: 'previous',
  ArrowDown: 'down',
  ArrowUp: 'up',
};

/**
 * Arrow keys that move a dragged item from one drop target to the next by the board's own
 * order (the next column, the next cell), not by screen coordinates: on a phone, where the
 * columns stack, "right" still means the next column instead of off every column. `step`
 * names the target for a key from where the item is now (null: stay).
 */
export function keyboardSteps(
  step: (from: string | null, key: StepKey) => string | null,
): KeyboardCoordinateGetter {
  return (event, { context }) => {
    const key = KEYS[event.code];
    if (!key) return undefined;
    event.preventDefault();
    const { collisionRect, droppableRects, over, activeNode } = context;
    // Right after the pick-up dnd-kit may not have measured yet: read the item itself.
    const item = collisionRect ?? activeNode?.getBoundingClientRect() ?? null;
    if (!item) return undefined;
    const from = over ? String(over.id) : containing(droppableRects, item);
    // A target that takes nothing now (a taken cell, not measured) is stepped over.
    let target = step(from, key);
    let rect = target === null ? undefined : droppableRects.get(target);
    for (let hops = 0; target !== null && !rect && hops < 200; hops++) {
      target = step(target, key);
      rect = target === null ? undefined : droppableRects.get(target);
    }
    if (!rect) return undefined;
    // The item's centre on the target's centre: `centreFirst` below then picks that target.
    return {
      x: rect.left + (rect.width - item.width) / 2,
      y: rect.top + (rect.height - item.height) / 2,
    };
  };
}

/** The drop target whose box holds the centre of `item`, if any. */
function containing(
  rects: ReadonlyMap<string | number, { left: number; top: number; width: number; height: number }>,
  item: { left: number; top: number; width: number; height: number },
): string | null {
  const [x, y] = [item.left + item.width / 2, item.top + item.height / 2];
  for (const [id, r] of rects)
    if (x >= r.left && x <= r.left + r.width && y >= r.top && y <= r.top + r.height)
      return String(id);
  return null;
}

/** Under the pointer or finger when there is one, else the nearest centre (keyboard). */
export const centreFirst: CollisionDetection = (args) => {
  if (args.pointerCoordinates) {
    const hits = pointerWithin(args);
    if (hits.length > 0) return hits;
  }
  return closestCenter(args);
};

/** The id after or before `from` in `order` (the first one from nowhere). */
export function neighbour(
  order: readonly string[],
  from: string | null,
  forward: boolean,
): string | null {
  const at = from === null ? -1 : order.indexOf(from);
  if (at < 0) return order[0] ?? null;
  return order[at + (forward ? 1 : -1)] ?? null;
}
