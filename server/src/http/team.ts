import type { Express, Request, Response } from 'express';
import {
  MAX_FACILITATOR_LINKS,
  newEntityId,
  normalizeCode,
  OWNER_LINK_ID,
  type CreatedFacilitatorLink,
  type FacilitatorLink,
  type FacilitatorLinkList,
} from '@twinspace/shared';
import { createFacilitatorLinkRequest } from '@twinspace/shared/schemas';
import {
  facilitatorCredential,
  managesTeam,
  type FacilitatorCredential,
} from '../auth/facilitators.ts';
import type { Limits } from '../auth/limits.ts';
import { hashToken, newSecretToken } from '../auth/tokens.ts';
import type { Logger } from '../log.ts';
import type { BoardRecord, Store } from '../store/types.ts';
import type { LinkRecord } from '../store/team.ts';
import { logActivity } from '../team/activity.ts';
import { requestKey } from './address.ts';
import { tooManyAttempts } from './budget.ts';
import { bearerOf } from './facilitator.ts';

export interface TeamDeps {
  store: Store;
  limits: Limits;
  log: Logger;
  proxyHops: number;
  /** The public base URL of links (PUBLIC_URL, or the request's). */
  origin: (req: Request) => string;
  /** Closes a revoked link's sockets at once, on every process (ControlPlane.revokeLink). */
  revoke: (code: string, linkId: string) => void;
}

type Caller = { board: BoardRecord; credential: FacilitatorCredential };

const listed = (link: LinkRecord): FacilitatorLink => ({
  id: link.id,
  name: link.name,
  role: link.role,
  createdAt: link.createdAt,
  createdBy: link.createdBy,
});

/**
 * Who is calling, from `Authorization: Bearer <facilitator token>` (the one credential check,
 * auth/facilitators.ts). Without a valid one: 401, the same whether the code exists or not,
 * spending the lookup budget; with a narrower role where the team is managed: 403.
 */
async function caller(
  deps: TeamDeps,
  req: Request,
  res: Response,
  manage: boolean,
): Promise<Caller | null> {
  const key = requestKey(req, deps.proxyHops);
  const budget = await deps.limits.lookupAllowed(key);
  if (!budget.ok) {
    tooManyAttempts(res, budget.retryAfterS);
    return null;
  }
  res.setHeader('Cache-Control', 'no-store');
  const code = normalizeCode(String(req.params.code));
  const board = code ? await deps.store.getBoard(code) : null;
  const credential = board ? await facilitatorCredential(deps.store, board, bearerOf(req)) : null;
  if (!board || !credential) {
    await deps.limits.lookupFailed(key);
    res.setHeader('WWW-Authenticate', 'Bearer realm="twinspace"');
    res.status(401).json({ error: 'this needs a facilitator link of this board' });
    return null;
  }
  if (manage && !managesTeam(credential.role)) {
    res
      .status(403)
      .json({ error: `a ${credential.role} may not manage the team`, reason: 'not-your-role' });
    return null;
  }
  return { board, credential };
}

/** The name a credential was made for ('' for the owner's own link: the panel says "Owner"). */
const who = (c: FacilitatorCredential): string => c.name;

async function create(deps: TeamDeps, req: Request, res: Response): Promise<void> {
  const call = await caller(deps, req, res, true);
  if (!call) return;
  const parsed = createFacilitatorLinkRequest.safeParse(req.body);
  if (!parsed.success)
    return void res.status(400).json({ error: parsed.error.issues[0]?.message ?? 'bad request' });
  const token = newSecretToken();
  const link: LinkRecord = {
    board: call.board.code,
    id: newEntityId(12),
    name: parsed.data.name,
    role: parsed.data.role,
    tokenHash: hashToken(token),
    createdAt: Date.now(),
    createdBy: who(call.credential),
  };
  if (!(await deps.store.team.addLink(link, MAX_FACILITATOR_LINKS)))
    return void res.status(409).json({
      error: `a board has at most ${MAX_FACILITATOR_LINKS} facilitator links; revoke one first`,
      reason: 'limit-reached',
    });
  logActivity(
    deps.store,
    link.board,
    entry(call.credential, 'link-created', `${link.name} (${link.role})`),
    deps.log,
  );
  const body: CreatedFacilitatorLink = {
    ...listed(link),
    token,
    // In the fragment, which browsers never send to servers or logs.
    url: `${deps.origin(req)}/b/${link.board}/facilitate#key=${token}`,
  };
  res.status(201).json(body);
}

function entry(c: FacilitatorCredential, action: string, detail: string) {
  return { at: Date.now(), linkId: c.linkId, name: who(c), role: c.role, action, detail };
}

async function list(deps: TeamDeps, req: Request, res: Response): Promise<void> {
  const call = await caller(deps, req, res, true);
  if (!call) return;
  const body: FacilitatorLinkList = {
    links: (await deps.store.team.links(call.board.code)).map(listed),
    you: { linkId: call.credential.linkId, role: call.credential.role },
  };
  res.json(body);
}

/**
 * Revokes a link: it stops working at once and its sockets close. `owner` is the board's own
 * link, which only its owner may give up (a hand-over); a co-host revokes any named link.
 */
async function revoke(deps: TeamDeps, req: Request, res: Response): Promise<void> {
  const call = await caller(deps, req, res, true);
  if (!call) return;
  const code = call.board.code;
  const id = String(req.params.id);
  if (id === OWNER_LINK_ID) {
    if (call.credential.role !== 'owner')
      return void res.status(403).json({ error: "only the owner gives up the board's own link" });
    // Never lock everyone out: the board must be in a co-host's hands first.
    const links = await deps.store.team.links(code);
    if (!links.some((link) => link.role === 'co-host'))
      return void res.status(409).json({ error: 'hand the board to a co-host first' });
    await deps.store.team.retireOwner(code);
    logActivity(deps.store, code, entry(call.credential, 'link-revoked', 'owner'), deps.log);
  } else {
    const gone = (await deps.store.team.links(code)).find((link) => link.id === id);
    if (!gone || !(await deps.store.team.removeLink(code, id)))
      return void res.status(404).json({ error: 'this board has no such facilitator link' });
    logActivity(
      deps.store,
      code,
      entry(call.credential, 'link-revoked', `${gone.name} (${gone.role})`),
      deps.log,
    );
  }
  deps.revoke(code, id);
  res.status(204).end();
}

/** Any facilitator of the board reads who did what (newest first). */
async function activity(deps: TeamDeps, req: Request, res: Response): Promise<void> {
  const call = await caller(deps, req, res, false);
  if (!call) return;
  res.json({ entries: await deps.store.team.activity(call.board.code) });
}

/** The team routes (docs/team.md): links, revocation, the activity log. */
export function mountTeamRoutes(app: Express, deps: TeamDeps): void {
  app.post('/api/boards/:code/facilitators', (req, res) => create(deps, req, res));
  app.get('/api/boards/:code/facilitators', (req, res) => list(deps, req, res));
  app.delete('/api/boards/:code/facilitators/:id', (req, res) => revoke(deps, req, res));
  app.get('/api/boards/:code/activity', (req, res) => activity(deps, req, res));
}
