import { normalizeCode } from '@twinspace/shared/codes';

/** Every page of the app. All routes are client-side; the server falls back to index.html. */
export type Route =
  | { name: 'landing' }
  | { name: 'participant'; code: string }
  | { name: 'projector'; code: string }
  | { name: 'facilitator'; code: string }
  | { name: 'not-found' }
  | { name: 'event-new' }
  | { name: 'event'; code: string }
  | { name: 'event-projector'; code: string }
  | { name: 'event-console'; code: string };

const BOARD_RE = /^\/b\/([^/]+)(?:\/(projector|facilitate))?$/;
/** An event (docs/events.md): its page, its projector, its facilitator's console. */
const EVENT_RE = /^\/e\/([^/]+)(?:\/(projector|facilitate))?$/;
export const NEW_EVENT_PATH = '/events/new';

/** Reads a path; room codes are accepted in any case ("/b/abc234" is "/b/ABC234"). */
export function parseRoute(pathname: string): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (path === '/' || path === '') return { name: 'landing' };
  if (path === NEW_EVENT_PATH) return { name: 'event-new' };
  const event = EVENT_RE.exec(path);
  if (event) return eventRoute(event[1] ?? '', event[2]);
  const match = BOARD_RE.exec(path);
  if (!match) return { name: 'not-found' };
  let raw: string;
  try {
    raw = decodeURIComponent(match[1] ?? '');
  } catch {
    return { name: 'not-found' };
  }
  const code = normalizeCode(raw);
  if (code === null) return { name: 'not-found' };
  if (match[2] === 'projector') return { name: 'projector', code };
  if (match[2] === 'facilitate') return { name: 'facilitator', code };
  return { name: 'participant', code };
}

function eventRoute(raw: string, view: string | undefined): Route {
  let code: string | null;
  try {
    code = normalizeCode(decodeURIComponent(raw));
  } catch {
    code = null;
  }
  if (code === null) return { name: 'not-found' };
  if (view === 'projector') return { name: 'event-projector', code };
  if (view === 'facilitate') return { name: 'event-console', code };
  return { name: 'event', code };
}

export const participantPath = (code: string): string => `/b/${code}`;
export const projectorPath = (code: string): string => `/b/${code}/projector`;
export const facilitatorPath = (code: string): string => `/b/${code}/facilitate`;

/** The canonical path of a route, to tidy the address bar ("/b/abc234/" -> "/b/ABC234"). */
export function routePath(route: Route): string | null {
  switch (route.name) {
    case 'landing':
      return '/';
    case 'participant':
      return participantPath(route.code);
    case 'projector':
      return projectorPath(route.code);
    case 'facilitator':
      return facilitatorPath(route.code);
    case 'event':
      return `/e/${route.code}`;
    case 'event-projector':
      return `/e/${route.code}/projector`;
    case 'event-console':
      return `/e/${route.code}/facilitate`;
    case 'event-new':
      return NEW_EVENT_PATH;
    case 'not-found':
      return null;
  }
}
