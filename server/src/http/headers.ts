import type { RequestHandler, Response } from 'express';
import helmet from 'helmet';

const CSP = 'Content-Security-Policy';

/**
 * Security headers on every answer (docs/SECURITY.md, "HTTP and origins"): a CSP with no
 * inline script at all (the client build has none; the one inline stylesheet, the board
 * preview's, is allowed by its hash on the pages that carry it), `nosniff`, no framing
 * (`frame-ancestors 'none'` and X-Frame-Options DENY: the facilitator console must not be
 * clickjacked), and no Referer (a board's address carries its code).
 */
export function hardening(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        // the favicon and QR codes are data: images
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'"],
        // 'self' covers ws(s) to the same host in CSP 3; the explicit origin for older engines
        connectSrc: ["'self'", (req) => wsOrigin(req.headers)],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    crossOriginResourcePolicy: { policy: 'same-origin' },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    xContentTypeOptions: true,
  });
}

function wsOrigin(headers: Record<string, string | string[] | undefined>): string {
  const host = typeof headers.host === 'string' ? headers.host : '';
  if (!/^[a-z0-9.:[\]-]+$/i.test(host)) return "'self'";
  const proto = headers['x-forwarded-proto'] === 'https' ? 'wss' : 'ws';
  return `${proto}://${host}`;
}

/** Allows one inline stylesheet (a CSP source such as `'sha256-...'`) on this answer only. */
export function allowInlineStyle(res: Response, source: string): void {
  const policy = res.getHeader(CSP);
  if (typeof policy !== 'string') return;
  res.setHeader(CSP, policy.replace(/(^|;)style-src ([^;]*)/, `$1style-src $2 ${source}`));
}
