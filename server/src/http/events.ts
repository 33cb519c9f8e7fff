import type { Express, Request, Response } from 'express';
import { normalizeCode } from '@twinspace/shared';
import {
  carryRequest,
  createEventRequest,
  setCurrentRequest,
} from '@twinspace/shared/events/schemas';
import {
  eventConsolePath,
  eventPath,
  eventProjectorPath,
  type CreateEventResponse,
} from '@twinspace/shared/events/types';
import { eventTokenMatches } from '../auth/eventCredential.ts';
import type { Limits } from '../auth/limits.ts';
import { hashToken, newRoomCode, newSecretToken } from '../auth/tokens.ts';
import { carryForward, carrySources } from '../events/carry.ts';
import { exportEvent } from '../events/export.ts';
import { EVENT_MAX_BOARDS, EventInfoReader, eventBoards } from '../events/info.ts';
import type { Logger } from '../log.ts';
import type { RoomRegistry } from '../rooms/registry.ts';
import type { EventRecord } from '../store/events.ts';
import { CodeTakenError, type Store } from '../store/types.ts';
import { requestKey } from './address.ts';
import { attachment } from './exports.ts';
import { bearerOf } from './facilitator.ts';
import { tooManyAttempts } from './budget.ts';

export interface EventDeps {
  store: Store;
  registry: RoomRegistry;
  limits: Limits;
  log: Logger;
  proxyHops: number;
  origin: (req: Request) => string;
  /** Deletes a board everywhere (rooms/removal.ts): connections on every process, every row and key. */
  removeBoard: (code: string) => Promise<unknown>;
}

const firstIssue = (error: { issues: { path: PropertyKey[]; message: string }[] }): string => {
  const issue = error.issues[0];
  return issue ? `${issue.path.map(String).join('.') || 'body'}: ${issue.message}` : 'bad request';
};

type Found = { event: EventRecord } | null;

/**
 * Every lookup of an event by code spends the lookup budget like a board's (a failure: an
 * unknown code, a missing or wrong token). `withToken`: the event's facilitator token is
 * needed (401 without, 403 wrong). Answers the failure itself and resolves null.
 */
async function findEvent(
  deps: EventDeps,
  req: Request,
  res: Response,
  rawCode: string,
  withToken: boolean,
): Promise<Found> {
  const key = requestKey(req, deps.proxyHops);
  const verdict = await deps.limits.lookupAllowed(key);
  if (!verdict.ok) {
    tooManyAttempts(res, verdict.retryAfterS);
    return null;
  }
  const code = normalizeCode(rawCode);
  const event = code ? await deps.store.events.getEvent(code) : null;
  const failure = lookupFailure(event, withToken ? bearerOf(req) : undefined);
  if (!failure && event) return { event };
  await deps.limits.lookupFailed(key);
  if (failure?.status === 401) res.setHeader('WWW-Authenticate', 'Bearer realm="twinspace"');
  res.status(failure?.status ?? 404).json({ error: failure?.error ?? 'no event has this code' });
  return null;
}

/** `token`: undefined when the route needs none, null when it needs one and none was sent. */
function lookupFailure(
  event: EventRecord | null,
  token: string | null | undefined,
): { status: number; error: string } | null {
  if (!event) return { status: 404, error: 'no event has this code' };
  if (token === null) return { status: 401, error: "this needs the event's facilitator key" };
  if (token !== undefined && !eventTokenMatches(event, token))
    return { status: 403, error: "this is not the event's facilitator key" };
  return null;
}

/**
 * POST /api/boards with `event`: the event's token as Bearer, or nothing is created (401
 * without a token, 403 with a wrong one, 404 for an unknown event, 409 when it is full).
 * Resolves the event's code, null when the board joins none, false when refused (answered).
 */
export async function eventOfNewBoard(
  deps: EventDeps,
  req: Request,
  res: Response,
): Promise<string | null | false> {
  const body: unknown = req.body;
  const given = body && typeof body === 'object' ? (body as { event?: unknown }).event : undefined;
  if (given === undefined) return null;
  const found = await findEvent(deps, req, res, typeof given === 'string' ? given : '', true);
  if (!found) return false;
  if ((await deps.store.events.boardsOf(found.event.code)).length >= EVENT_MAX_BOARDS) {
    res
      .status(409)
      .json({ error: `an event holds at most ${EVENT_MAX_BOARDS} boards`, reason: 'event-full' });
    return false;
  }
  return found.event.code;
}

export function mountEvents(app: Express, deps: EventDeps): EventInfoReader {
  const reader = new EventInfoReader(deps.store, deps.registry);

  app.post('/api/events', async (req, res) => {
    const allowed = await deps.limits.createBoard(requestKey(req, deps.proxyHops));
    if (!allowed.ok)
      return void res.status(429).setHeader('Retry-After', String(allowed.retryAfterS)).json({
        error: 'too many boards and events from this address, wait a while',
        reason: 'too-many-boards',
      });
    const parsed = createEventRequest.safeParse(req.body);
    if (!parsed.success) return void res.status(400).json({ error: firstIssue(parsed.error) });
    res.status(201).json(await createEvent(deps, parsed.data.title, deps.origin(req)));
  });

  app.get('/api/events/:code', async (req, res) => {
    const found = await findEvent(deps, req, res, String(req.params.code), false);
    if (found) res.setHeader('Cache-Control', 'no-store').json(await reader.read(found.event));
  });

  app.put('/api/events/:code/current', async (req, res) => {
    const found = await findEvent(deps, req, res, String(req.params.code), true);
    if (!found) return;
    const parsed = setCurrentRequest.safeParse(req.body);
    if (!parsed.success) return void res.status(400).json({ error: firstIssue(parsed.error) });
    const board = parsed.data.board === null ? null : normalizeCode(parsed.data.board);
    if (parsed.data.board !== null && board === null)
      return void res.status(400).json({ error: 'board: not a room code' });
    if (board !== null && (await deps.store.events.eventOf(board)) !== found.event.code)
      return void res
        .status(403)
        .json({ error: 'the board is not in this event', reason: 'not-in-event' });
    await deps.store.events.setCurrent(found.event.code, board);
    reader.forget(found.event.code);
    res.status(204).end();
  });

  app.delete('/api/events/:code', async (req, res) => {
    const found = await findEvent(deps, req, res, String(req.params.code), true);
    if (!found) return;
    await deleteEvent(deps, found.event);
    reader.forget(found.event.code);
    res.status(204).end();
  });

  app.get('/api/events/:code/carry', async (req, res) => {
    const found = await findEvent(deps, req, res, String(req.params.code), true);
    if (!found) return;
    const from = normalizeCode(typeof req.query.from === 'string' ? req.query.from : '');
    if (!from) return void res.status(400).json({ error: 'from: a board code' });
    const to = typeof req.query.to === 'string' ? normalizeCode(req.query.to) : undefined;
    if (to === null) return void res.status(400).json({ error: 'to: a board code' });
    const answer = await carrySources(deps, found.event, from, to);
    res.status(answer.status).json(answer.body);
  });

  app.post('/api/events/:code/carry', async (req, res) => {
    const found = await findEvent(deps, req, res, String(req.params.code), true);
    if (!found) return;
    const parsed = carryRequest.safeParse(req.body);
    if (!parsed.success) return void res.status(400).json({ error: firstIssue(parsed.error) });
    const from = normalizeCode(parsed.data.from);
    const to = normalizeCode(parsed.data.to);
    if (!from || !to) return void res.status(400).json({ error: 'from, to: board codes' });
    const answer = await carryForward(deps, found.event, { ...parsed.data, from, to });
    if (answer.status === 200) reader.forget(found.event.code);
    res.status(answer.status).json(answer.body);
  });

  app.get('/api/events/:code/export.:format', async (req, res) => {
    const found = await findEvent(deps, req, res, String(req.params.code), true);
    if (!found) return;
    const format = String(req.params.format);
    if (format !== 'md' && format !== 'html')
      return void res.status(404).json({ error: `an event has no .${format} export` });
    const language = typeof req.query.lang === 'string' ? req.query.lang : undefined;
    const out = await exportEvent(deps, found.event, format, language);
    res
      .setHeader('Cache-Control', 'no-store')
      .type(out.contentType)
      .set('Content-Disposition', attachment(out.filename))
      .send(out.body);
  });
  return reader;
}

async function createEvent(
  deps: EventDeps,
  title: string,
  origin: string,
): Promise<CreateEventResponse> {
  const facilitatorToken = newSecretToken();
  for (let attempt = 0; attempt < 8; attempt++) {
    const code = newRoomCode();
    try {
      await deps.store.events.createEvent({
        code,
        title,
        createdAt: Date.now(),
        facilitatorTokenHash: hashToken(facilitatorToken),
        current: null,
      });
    } catch (err) {
      if (err instanceof CodeTakenError) continue;
      throw err;
    }
    deps.log.info({ code }, 'event created');
    return {
      code,
      title,
      facilitatorToken,
      url: origin + eventPath(code),
      projectorUrl: origin + eventProjectorPath(code),
      // The token travels in the fragment, which browsers never send to servers or logs.
      facilitatorUrl: `${origin}${eventConsolePath(code)}#key=${facilitatorToken}`,
    };
  }
  throw new Error('could not draw a free event code');
}

/**
 * The event and every board in it, each through `removeBoard` (the one way a board is
 * deleted: its connections closed on every process, every row and key gone), then the event.
 */
async function deleteEvent(deps: EventDeps, event: EventRecord): Promise<void> {
  for (const board of await eventBoards(deps.store, event.code)) await deps.removeBoard(board.code);
  await deps.store.events.deleteEvent(event.code);
  deps.log.info({ code: event.code }, 'event deleted');
}
