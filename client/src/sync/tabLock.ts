import type { Role } from '@twinspace/shared/rules/model';

/**
 * Whether this tab runs the board: `held` (it does), `elsewhere` (another tab of this
 * browser does; this one waits for the person to choose), `taken` (another tab took it over).
 */
export type TabState = 'asking' | 'held' | 'elsewhere' | 'taken';

/**
 * One tab per board and role in a browser (Web Locks). The device copy, the unsent edits and
 * the outbox of a board are one per board and role on the device: two tabs running it at once
 * would each keep their own list and write it over the other's, so that what one tab did
 * offline could vanish without a word once that tab was closed. A second tab asks first and
 * runs the board only when the person says so (`takeOver`), which ends it in the first tab.
 * Without Web Locks (browsers before 2022) every tab runs the board, as before; so does every
 * projector tab.
 * Returns the release (the lock goes with the page too: closing the tab frees it).
 */
export function holdBoardTab(
  code: string,
  role: Role,
  takeOver: boolean,
  onState: (state: TabState) => void,
): () => void {
  const locks = globalThis.navigator?.locks;
  // A projector writes nothing (no unsent edits to lose): a wall and its preview may both run.
  if (!locks || role === 'projector') {
    onState('held');
    return () => undefined;
  }
  let release = (): void => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  let done = false;
  const options: LockOptions = takeOver ? { steal: true } : { ifAvailable: true };
  locks
    .request(`twinspace.board.${code}.${role}`, options, async (lock) => {
      if (done) return;
      if (!lock) return onState('elsewhere');
      onState('held');
      await held;
    })
    // Rejected with an AbortError when another tab takes the lock over (steal).
    .catch(() => !done && onState('taken'));
  return () => {
    done = true;
    release();
  };
}
