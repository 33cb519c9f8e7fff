import { connectionActions } from '../state/connectionStore.ts';
import { checkHealth } from './api.ts';

/**
 * For routes without a live connection (the landing page): is the server reachable?
 * Checked on arrival and whenever the browser's network changes; no polling.
 */
export function watchReachability(): () => void {
  let live = true;
  const check = (): void => {
    if (!navigator.onLine) return connectionActions().setState('offline', null);
    connectionActions().setState('syncing', null);
    void checkHealth().then(
      (ok) => live && connectionActions().setState(ok ? 'online' : 'offline', null),
    );
  };
  const offline = (): void => connectionActions().setState('offline', null);
  window.addEventListener('online', check);
  window.addEventListener('offline', offline);
  check();
  return () => {
    live = false;
    window.removeEventListener('online', check);
    window.removeEventListener('offline', offline);
  };
}
