import type { Request, Response } from 'express';
import { normalizeCode, type BoardKind, type Role } from '@twinspace/shared';
import type { TicketSigner } from '../auth/tokens.ts';
import { facilitatorCredential } from '../auth/facilitators.ts';
import { ticketStands } from '../auth/ticketStands.ts';
import type { Limits } from '../auth/limits.ts';
import { BOARD_SERVER } from '../boards/index.ts';
import type { ExportFormat } from '../boards/types.ts';
import { boardInfo } from '../rooms/board-info.ts';
import type { RoomRegistry } from '../rooms/registry.ts';
import type { Store } from '../store/types.ts';
import type { PhotoService } from '../photos/service.ts';
import { requestKey } from './address.ts';
import { tooManyAttempts } from './budget.ts';
import { bearerOf } from './facilitator.ts';

export interface ExportDeps {
  store: Store;
  registry: RoomRegistry;
  tickets: TicketSigner;
  limits: Limits;
  proxyHops: number;
  /** Puts the photos into the printable proceedings (docs/photos.md). */
  photos?: PhotoService;
}

/**
 * Who may download a board kind's exports besides its facilitator. Open Space: its
 * participants (the harvest is shown to them; votes appear only once public). Match &
 * Sprint: nobody else (its exports are in the facilitator's controls only, and may hold
 * a side's cards while the facilitator still hides them).
 */
const PARTICIPANTS_MAY_EXPORT: Record<BoardKind, boolean> = {
  'open-space': true,
  'match-sprint': false,
};

/**
 * Excel opens a CSV without a byte-order mark in the machine's legacy code page, so a
 * Ukrainian or Greek name arrives as mojibake; with it, as written. Other readers skip it.
 */
const CSV_BOM = '\uFEFF';

/** `attachment` with an ASCII fallback name and the real one (RFC 6266 / 5987). */
export function attachment(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/**
 * GET /api/boards/:code/export.:format with `Authorization: Bearer <facilitator token or
 * join ticket>`. A code no board has (a deleted board's) is 404, as for its info; without a
 * valid credential the answer is 401. Both spend the client's lookup budget; over budget
 * everything is 429.
 */
export function exportRoute(deps: ExportDeps) {
  return async (req: Request, res: Response): Promise<void> => {
    const key = requestKey(req, deps.proxyHops);
    const verdict = await deps.limits.lookupAllowed(key);
    if (!verdict.ok) return tooManyAttempts(res, verdict.retryAfterS);
    res.setHeader('Cache-Control', 'no-store');
    const code = normalizeCode(String(req.params.code));
    const board = code ? await deps.store.getBoard(code) : null;
    if (!board) {
      await deps.limits.lookupFailed(key);
      return void res.status(404).json({ error: 'no board has this code' });
    }
    const token = bearerOf(req);
    let role: Role | null = null;
    if (token) {
      if (await facilitatorCredential(deps.store, board, token)) role = 'facilitator';
      else {
        const claims = deps.tickets.verify(token);
        // A revoked link's, a removed or erased participant's tickets read nothing either.
        if (claims && claims.board === board.code && (await ticketStands(deps, board.code, claims)))
          role = claims.role;
      }
    }
    if (!role) {
      await deps.limits.lookupFailed(key);
      res.setHeader('WWW-Authenticate', 'Bearer realm="twinspace"');
      return void res.status(401).json({
        error: "exports need the facilitator's key or a participant's ticket for this board",
      });
    }
    if (role === 'projector' || (role === 'participant' && !PARTICIPANTS_MAY_EXPORT[board.kind]))
      return void res.status(403).json({ error: 'only the facilitator may export this board' });
    const format = String(req.params.format) as ExportFormat;
    const exporters = BOARD_SERVER[board.kind].exports;
    // Own formats only: `export.constructor` would call what every object inherits (a 500).
    const exporter = Object.hasOwn(exporters, format) ? exporters[format] : undefined;
    if (!exporter) {
      await deps.limits.lookupFailed(key);
      return void res
        .status(404)
        .json({ error: `a ${board.kind} board has no .${String(req.params.format)} export` });
    }
    const language = typeof req.query.lang === 'string' ? req.query.lang : undefined;
    const out = await deps.registry.with(board.code, (room) =>
      exporter(room, boardInfo(board, room.doc), { language }),
    );
    const body =
      deps.photos && out.contentType.startsWith('text/html')
        ? await deps.photos.embedInHtml(board.code, out.body, language)
        : out.body;
    res
      .type(out.contentType)
      .set('Content-Disposition', attachment(out.filename))
      .send(out.contentType.startsWith('text/csv') ? CSV_BOM + body : body);
  };
}
