import { connectionActions } from '../state/connectionStore.ts';

/** On a page without a board socket, the header's badge says whether the server answers. */
export const showReached = (ok: boolean): void =>
  connectionActions().setState(ok ? 'online' : 'offline', null);
