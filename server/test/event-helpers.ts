import { expect } from 'vitest';
import type { CreateBoardResponse } from '@twinspace/shared';
import type { CreateEventResponse, EventInfo } from '@twinspace/shared/events/types';

/** One call of the events' HTTP API, with the event's (or any) token as Bearer. */
export async function api(
  url: string,
  path: string,
  opts: { method?: string; token?: string | null; body?: unknown } = {},
): Promise<Response> {
  const headers: Record<string, string> = {};
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (opts.token) headers['authorization'] = `Bearer ${opts.token}`;
  return fetch(url + path, {
    method: opts.method ?? 'GET',
    headers,
    ...(opts.body === undefined ? {} : { body: JSON.stringify(opts.body) }),
  });
}

export async function createEvent(
  url: string,
  title = 'Kyiv Open Space',
): Promise<CreateEventResponse> {
  const res = await api(url, '/api/events', { method: 'POST', body: { title } });
  expect(res.status).toBe(201);
  return (await res.json()) as CreateEventResponse;
}

export async function eventBoard(
  url: string,
  event: CreateEventResponse,
  kind: 'open-space' | 'match-sprint',
  title: string,
): Promise<CreateBoardResponse> {
  const res = await api(url, '/api/boards', {
    method: 'POST',
    token: event.facilitatorToken,
    body: { kind, title, event: event.code },
  });
  expect(res.status).toBe(201);
  return (await res.json()) as CreateBoardResponse;
}

export async function readEvent(url: string, code: string): Promise<EventInfo> {
  const res = await api(url, `/api/events/${code}`);
  expect(res.status).toBe(200);
  return (await res.json()) as EventInfo;
}
