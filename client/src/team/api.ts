import type { LinkRole } from '@twinspace/shared/rules/model';
import type {
  ActivityEntry,
  CreatedFacilitatorLink,
  FacilitatorLinkList,
} from '@twinspace/shared/team';

/** Why a team request failed, in words the panel can say in any language. */
export type TeamFailure = 'not-allowed' | 'limit' | 'not-found' | 'network' | 'server';

export class TeamError extends Error {
  constructor(readonly kind: TeamFailure) {
    super(kind);
  }
}

/** A failed request's kind, for the panel's one error line. */
export const failureOf = (error: unknown): TeamFailure =>
  error instanceof TeamError ? error.kind : 'server';

function failureOfStatus(status: number): TeamFailure {
  if (status === 401 || status === 403) return 'not-allowed';
  if (status === 409) return 'limit';
  if (status === 404) return 'not-found';
  return 'server';
}

/** The team routes (docs/team.md), with the console's own facilitator key as the credential. */
export class TeamApi {
  constructor(
    private readonly code: string,
    private readonly token: string,
  ) {}

  list(): Promise<FacilitatorLinkList> {
    return this.call('GET', 'facilitators');
  }

  create(name: string, role: LinkRole): Promise<CreatedFacilitatorLink> {
    return this.call('POST', 'facilitators', { name, role });
  }

  revoke(id: string): Promise<void> {
    return this.call('DELETE', `facilitators/${encodeURIComponent(id)}`);
  }

  async activity(): Promise<ActivityEntry[]> {
    return (await this.call<{ entries: ActivityEntry[] }>('GET', 'activity')).entries;
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    let res: Response;
    try {
      res = await fetch(`/api/boards/${encodeURIComponent(this.code)}/${path}`, {
        method,
        headers: {
          authorization: `Bearer ${this.token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch {
      throw new TeamError('network');
    }
    if (!res.ok) throw new TeamError(failureOfStatus(res.status));
    return (res.status === 204 ? undefined : await res.json()) as T;
  }
}
