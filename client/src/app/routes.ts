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

/** A board's pages, and an event's (docs/events.md): its page, its wall, its console. */
const CODE_RE = /^\/(b|e)\/([^/]+)(?:\/(projector|facilitate))?$/;
const CODE_ROUTES = {
  b: { '': 'participant', projector: 'projector', facilitate: 'facilitator' },
  e: { '': 'event', projector: 'event-projector', facilitate: 'event-console' },
} as const;
const EVENT_VIEWS = { event: '', 'event-projector': '/projector', 'event-console': '/facilitate' };
export const NEW_EVENT_PATH = '/events/new';

/** Reads a path; room codes are accepted in any case ("/b/abc234" is "/b/ABC234"). */
export function parseRoute(pathname: string): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (path === '/' || path === '') return { name: 'landing' };
  if (path === NEW_EVENT_PATH) return { name: 'event-new' };
  const match = CODE_RE.exec(path);
  if (!match) return { name: 'not-found' };
  let raw: string;
  try {
    raw = decodeURIComponent(match[2] ?? '');
  } catch {
    return { name: 'not-found' };
  }
  const code = normalizeCode(raw);
  if (code === null) return { name: 'not-found' };
  const kind = match[1] === 'e' ? 'e' : 'b';
  const view = match[3] === 'projector' || match[3] === 'facilitate' ? match[3] : '';
  return { name: CODE_ROUTES[kind][view], code };
}

export const participantPath = (code: string): string => `/b/${code}`;
export const projectorPath = (code: string): string => `/b/${code}/projector`;
export const facilitatorPath = (code: string): string => `/b/${code}/facilitate`;
export const eventConsolePath = (code: string): string => `/e/${code}/facilitate`;

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
    case 'event-console':
      return eventConsolePath(route.code);
    case 'event':
    case 'event-projector':
      return `/e/${route.code}${EVENT_VIEWS[route.name]}`;
    case 'event-new':
      return NEW_EVENT_PATH;
    case 'not-found':
      return null;
  }
}
