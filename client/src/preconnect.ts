import { preconnect } from './sync/socket.ts';

/**
 * A board page's first script (the server adds it to board pages only,
 * server/src/http/route-hints.ts): `async`, and importing nothing but the socket's own code,
 * it opens the control socket as soon as that small file has arrived, while the app's
 * scripts and stylesheets are still on their way. On a 3G phone the socket's three round
 * trips (WebSocket, namespace, join) were the longest wait of a first visit after the
 * scripts (bench client-cost, issue 13 item 8). The board session adopts the socket
 * (sync/socket.ts, createSocket).
 */
preconnect();
