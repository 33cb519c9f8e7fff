import type { RetentionInfo } from '@twinspace/shared/privacy/retention';

/**
 * The facilitator's retention routes (server/src/http/retention.ts): read when the board
 * goes, keep it, or set its own retention. null when the server could not be asked.
 */
export async function retentionCall(
  code: string,
  token: string,
  change?: { keep: true } | { days: number | null },
): Promise<RetentionInfo | null> {
  const path = `/api/boards/${encodeURIComponent(code)}/retention`;
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  const init: RequestInit =
    change === undefined
      ? { headers }
      : 'keep' in change
        ? { method: 'POST', headers }
        : {
            method: 'PUT',
            headers: { ...headers, 'content-type': 'application/json' },
            body: JSON.stringify({ days: change.days }),
          };
  try {
    const res = await fetch(change && 'keep' in change ? `${path}/keep` : path, {
      ...init,
      cache: 'no-store',
    });
    return res.ok ? ((await res.json()) as RetentionInfo) : null;
  } catch {
    return null;
  }
}

/** The choices offered for a board's own retention, within the deployment's maximum. */
export function retentionChoices(info: RetentionInfo): number[] {
  const all = new Set([7, 30, 90, 180, 365, 730, ...(info.ownDays ? [info.ownDays] : [])]);
  return [...all]
    .filter((days) => info.maxDays === 0 || days <= info.maxDays)
    .sort((a, b) => a - b);
}
