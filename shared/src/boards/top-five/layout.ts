/**
 * Top five (seed 004): a group's points, narrowed by voting to the five most important.
 * Any board kind has it. Each participant picks at most TF_PICKS points per group; the
 * picks are written by the server only (tf-vote), into the point's `voters` list, so a
 * budget cannot be beaten by concurrent edits.
 */
export const TF_ROOT = { points: 'tfPoints' } as const;
export const TF_PICKS = 5;
/** How many points the result shows. */
export const TF_RESULT_SIZE = 5;
