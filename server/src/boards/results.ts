/** The answers a board command gives (defined beside the dispatcher's contract). */
export { OK, refused } from '../rooms/board-api.ts';
