import type { BoardKind } from '@twinspace/shared/boards/common';
import type {
  CarryResult,
  CarrySource,
  CreateEventResponse,
  EventInfo,
} from '@twinspace/shared/events/types';
import type { CreateBoardResponse } from '@twinspace/shared/protocol';
import { filenameOf } from '../sync/download.ts';
import { saveBlob } from '../sync/saveBlob.ts';

/**
 * The events' HTTP API (docs/events.md); facilitator calls carry the event's token. Its own
 * error type, like sync/api.ts's: sharing that module with these pages would split it out of
 * the participant's route into a chunk of its own (more bytes on every phone).
 */
export type EventFailure = 'invalid' | 'not-found' | 'rate-limited' | 'server' | 'network';

export class EventApiError extends Error {
  constructor(
    readonly kind: EventFailure,
    message: string,
  ) {
    super(message);
  }
}

function failureOf(status: number): EventFailure {
  if (status === 404) return 'not-found';
  if (status === 429) return 'rate-limited';
  if (status >= 400 && status < 500) return 'invalid';
  return 'server';
}

async function call<T>(path: string, init: RequestInit = {}, token?: string): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers['authorization'] = `Bearer ${token}`;
  let res: Response;
  try {
    res = await fetch(path, { cache: 'no-store', ...init, headers });
  } catch (error) {
    throw new EventApiError('network', error instanceof Error ? error.message : String(error));
  }
  if (!res.ok) throw new EventApiError(failureOf(res.status), res.statusText);
  return (res.status === 204 ? null : await res.json()) as T;
}

const json = (method: string, body: unknown): RequestInit => ({
  method,
  body: JSON.stringify(body),
});
const at = (code: string): string => `/api/events/${encodeURIComponent(code)}`;

export const fetchEvent = (code: string): Promise<EventInfo> => call(at(code));

export const createEvent = (title: string): Promise<CreateEventResponse> =>
  call('/api/events', json('POST', { title }));

export const createEventBoard = (
  event: string,
  token: string,
  kind: BoardKind,
  title: string,
): Promise<CreateBoardResponse> => call('/api/boards', json('POST', { kind, title, event }), token);

export const setCurrentBoard = (event: string, token: string, board: string | null) =>
  call<null>(`${at(event)}/current`, json('PUT', { board }), token);

export const deleteEvent = (event: string, token: string) =>
  call<null>(at(event), { method: 'DELETE' }, token);

/** What `from` offers; with `to`, each item says whether `to` holds its copy already. */
export const fetchCarrySources = (
  event: string,
  token: string,
  from: string,
  to: string,
): Promise<CarrySource[]> =>
  call(
    `${at(event)}/carry?from=${encodeURIComponent(from)}${to ? `&to=${encodeURIComponent(to)}` : ''}`,
    {},
    token,
  );

export const carryForward = (
  event: string,
  token: string,
  body: { from: string; to: string; rule: string; items: string[] },
): Promise<CarryResult> => call(`${at(event)}/carry`, json('POST', body), token);

/** The event's story as a file: fetched with the key (a link cannot send one), saved from a blob. */
export async function downloadEventExport(
  event: string,
  token: string,
  format: 'md' | 'html',
  language: string,
): Promise<boolean> {
  try {
    const res = await fetch(`${at(event)}/export.${format}?lang=${encodeURIComponent(language)}`, {
      headers: { authorization: `Bearer ${token}` },
      cache: 'no-store',
    });
    if (!res.ok) return false;
    const name = filenameOf(res.headers.get('content-disposition'), `${event}-event.${format}`);
    saveBlob(await res.blob(), name);
    return true;
  } catch {
    return false;
  }
}
