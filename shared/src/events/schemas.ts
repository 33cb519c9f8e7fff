/** The zod schemas of the events' HTTP requests (server only, like ../schemas.ts). */
import { z } from 'zod';
import { ENTITY_ID_RE } from '../ids.ts';
import { CARRY_MAX_ITEMS, CARRY_RULE_NAMES } from './carry.ts';

const title = z.string().trim().min(1, 'title must not be empty').max(200, 'title is too long');
const boardCode = z.string().min(1).max(20);
const entityId = z.string().regex(ENTITY_ID_RE, 'not an id');

export const createEventRequest = z.object({ title });

/** PUT /api/events/:code/current: the board on now (null: none). */
export const setCurrentRequest = z.object({ board: boardCode.nullable() });

/** POST /api/events/:code/carry */
export const carryRequest = z.object({
  from: boardCode,
  to: boardCode,
  rule: z.enum(CARRY_RULE_NAMES),
  items: z.array(entityId).min(1).max(CARRY_MAX_ITEMS, `at most ${CARRY_MAX_ITEMS} items a call`),
  project: entityId.optional(),
});
