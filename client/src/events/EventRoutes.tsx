import type { Route } from '../app/routes.ts';
import EventConsolePage from './EventConsolePage.tsx';
import EventPage from './EventPage.tsx';
import EventProjectorPage from './EventProjectorPage.tsx';
import NewEventPage from './NewEventPage.tsx';

/**
 * The event routes (docs/events.md) as one chunk: one lazy import in the app's entry instead
 * of four keeps the entry's list of chunks to preload short (every phone downloads it).
 */
export default function EventRoutes({ route }: { route: Route }) {
  switch (route.name) {
    case 'event-new':
      return <NewEventPage />;
    case 'event':
      return <EventPage key={route.code} code={route.code} />;
    case 'event-projector':
      return <EventProjectorPage key={route.code} code={route.code} />;
    case 'event-console':
      return <EventConsolePage key={route.code} code={route.code} />;
    default:
      return null;
  }
}
