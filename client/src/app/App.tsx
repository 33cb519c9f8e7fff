import { Suspense, useEffect } from 'react';
import { lazy, preloadView } from './lazy.ts';
import { Announcer } from '../components/Announcer.tsx';
import { Toasts } from '../components/Toasts.tsx';
import { Loading } from '../components/Loading.tsx';
import { LoadFailed } from './LoadFailed.tsx';
import { parseRoute, routePath, type Route } from './routes.ts';
import { navigate, usePathname } from './router.ts';

const events = () => import('../events/EventRoutes.tsx');
// One chunk per route: a phone on /b/CODE never downloads the landing page or the QR code.
const loaders = {
  landing: () => import('./pages/LandingPage.tsx'),
  participant: () => import('./pages/ParticipantPage.tsx'),
  projector: () => import('./pages/ProjectorPage.tsx'),
  facilitator: () => import('./pages/FacilitatorPage.tsx'),
  'not-found': () => import('./NotFoundPage.tsx'),
  'event-new': events,
  event: events,
  'event-projector': events,
  'event-console': events,
} satisfies Record<Route['name'], () => Promise<unknown>>;

/** Starts downloading the current route's chunk while the language loads (one round trip less). */
export const preloadRoute = (pathname: string): Promise<unknown> =>
  preloadView<unknown>(loaders[parseRoute(pathname).name]);

const LandingPage = lazy(loaders.landing);
const ParticipantPage = lazy(loaders.participant);
const ProjectorPage = lazy(loaders.projector);
const FacilitatorPage = lazy(loaders.facilitator);
const NotFoundPage = lazy(loaders['not-found']);
const EventRoutes = lazy(events);

export function App() {
  const pathname = usePathname();
  const route = parseRoute(pathname);

  // Tidy the address bar ("/b/abc234/" -> "/b/ABC234"), keeping the fragment (#key=...).
  const canonical = routePath(route);
  useEffect(() => {
    if (canonical !== null && canonical !== pathname) {
      navigate(canonical + window.location.search + window.location.hash, { replace: true });
    }
  }, [canonical, pathname]);

  return (
    <>
      <LoadFailed>
        <Suspense fallback={<Loading />}>
          {route.name === 'landing' ? <LandingPage /> : null}
          {route.name === 'participant' ? (
            <ParticipantPage key={route.code} code={route.code} />
          ) : null}
          {route.name === 'projector' ? <ProjectorPage key={route.code} code={route.code} /> : null}
          {route.name === 'facilitator' ? (
            <FacilitatorPage key={route.code} code={route.code} />
          ) : null}
          {route.name === 'not-found' ? <NotFoundPage /> : null}
          {route.name.startsWith('event') ? <EventRoutes route={route} /> : null}
        </Suspense>
      </LoadFailed>
      <Toasts />
      <Announcer />
    </>
  );
}
