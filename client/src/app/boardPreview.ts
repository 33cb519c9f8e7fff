import type { SessionStatus } from '../state/sessionStore.ts';

/** While the person reads the join form, the server's preview of the board stays below it. */
const KEEPS_PREVIEW: readonly SessionStatus[] = ['loading', 'needs-join', 'joining'];

/**
 * Removes the board the server rendered into the page (server/src/http/preview/, SPEC R15)
 * once the live board is on screen, or once the page shows something else instead
 * (a deleted board, a missing key, an error).
 */
export function dropBoardPreview(status: SessionStatus): void {
  if (KEEPS_PREVIEW.includes(status)) return;
  document.getElementById('preview')?.remove();
}
