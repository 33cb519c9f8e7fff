import * as Y from 'yjs';
import {
  BOARD_RULES,
  commandPowers,
  OS_ROOT,
  type CommandResult,
  type OsPlacement,
} from '@twinspace/shared';
import type { Session } from '../../rooms/join.ts';
import { OK, refused } from '../results.ts';

/**
 * Placement, decided in the room's arbitrated queue so that a cell holds one topic. Who
 * may place which topic in which phase (the convener, in the marketplace) is the
 * command's declared rule, checked before this runs (shared open-space/commands.ts):
 * - a participant places only on a free cell (else 'cell-taken': the first drop wins, the
 *   second is refused);
 * - the facilitator places any topic in any phase; dropping on a taken cell swaps the two
 *   topics (the one there goes where the moved one was, or off the grid).
 * Placing a topic also creates its empty session notes, so no two phones race to.
 */
type Entity = Y.Map<unknown>;
const part = (doc: Y.Doc, root: string): Y.Map<Entity> => doc.getMap<Entity>(root);
const str = (e: Entity, k: string): string | null => {
  const v = e.get(k);
  return typeof v === 'string' ? v : null;
};

export function occupant(
  doc: Y.Doc,
  slotId: string,
  spaceId: string,
  except: string,
): string | null {
  let found: string | null = null;
  part(doc, OS_ROOT.topics).forEach((topic, id) => {
    if (
      id !== except &&
      topic instanceof Y.Map &&
      str(topic, 'slot') === slotId &&
      str(topic, 'space') === spaceId
    ) {
      found ??= id;
    }
  });
  return found;
}

export function setCell(topic: Entity, slotId: string | null, spaceId: string | null): void {
  if (slotId === null || spaceId === null) {
    if (topic.has('slot')) topic.delete('slot');
    if (topic.has('space')) topic.delete('space');
    return;
  }
  if (topic.get('slot') !== slotId) topic.set('slot', slotId);
  if (topic.get('space') !== spaceId) topic.set('space', spaceId);
  if (!(topic.get('notes') instanceof Y.Text)) topic.set('notes', new Y.Text());
}

export function cellExists(doc: Y.Doc, slotId: string, spaceId: string): boolean {
  return (
    part(doc, OS_ROOT.slots).get(slotId) instanceof Y.Map &&
    part(doc, OS_ROOT.spaces).get(spaceId) instanceof Y.Map
  );
}

export function place(
  doc: Y.Doc,
  session: Pick<Session, 'role' | 'team'>,
  cmd: { topicId: string; slotId: string | null; spaceId: string | null },
): CommandResult {
  const topic = part(doc, OS_ROOT.topics).get(cmd.topicId);
  if (!(topic instanceof Y.Map)) return refused('not-found', 'no such topic');
  // The owner and co-hosts swap topics; a note-taker or table host places as a convener does.
  const facilitator = commandPowers(BOARD_RULES['open-space'], session, 'os-place');
  if (cmd.slotId === null || cmd.spaceId === null) {
    setCell(topic, null, null);
    return OK;
  }
  if (!cellExists(doc, cmd.slotId, cmd.spaceId))
    return refused('not-found', 'no such slot or space');
  const other = occupant(doc, cmd.slotId, cmd.spaceId, cmd.topicId);
  if (other !== null && !facilitator)
    return refused('cell-taken', 'another topic is already in this cell');
  if (other !== null) {
    const otherTopic = part(doc, OS_ROOT.topics).get(other)!;
    setCell(otherTopic, str(topic, 'slot'), str(topic, 'space'));
  }
  setCell(topic, cmd.slotId, cmd.spaceId);
  return OK;
}

/**
 * Accepts a whole schedule or nothing: every id must exist, no topic or cell twice, and no
 * target cell may hold a topic that stays where it is (the grid moved since the preview).
 */
export function applySchedule(doc: Y.Doc, placements: readonly OsPlacement[]): CommandResult {
  const topics = part(doc, OS_ROOT.topics);
  const moving = new Set<string>();
  const cells = new Set<string>();
  for (const p of placements) {
    if (!(topics.get(p.topicId) instanceof Y.Map))
      return refused('not-found', `no topic ${p.topicId}`);
    if (!cellExists(doc, p.slotId, p.spaceId))
      return refused('not-found', `no slot ${p.slotId} or space ${p.spaceId}`);
    const cell = `${p.slotId}\u0000${p.spaceId}`;
    if (moving.has(p.topicId) || cells.has(cell))
      return refused('bad-value', 'a topic or a cell appears twice');
    moving.add(p.topicId);
    cells.add(cell);
  }
  for (const p of placements) {
    const there = occupant(doc, p.slotId, p.spaceId, p.topicId);
    if (there !== null && !moving.has(there))
      return refused('cell-taken', `topic ${there} is already in a target cell`);
  }
  for (const p of placements) setCell(topics.get(p.topicId)!, p.slotId, p.spaceId);
  return OK;
}
