import fs from 'node:fs';
import http from 'node:http';
import { Server } from 'socket.io';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * One bare server of one transport, for socket-cost.ts: it accepts connections and keeps
 * them, nothing else. Socket.IO as Twinspace configures it (no first request kept, each
 * socket in one room); ws as y-websocket's server uses it (a set of peers).
 */
const kind = process.argv[2];
const server = http.createServer();
let connections = 0;
if (kind === 'socket.io') {
  const io = new Server(server, { serveClient: false });
  io.engine.on('connection', (raw: { request: unknown }) => {
    raw.request = null;
  });
  io.on('connection', (socket) => {
    connections++;
    void socket.join('board');
  });
} else {
  const peers = new Set<WebSocket>();
  new WebSocketServer({ server }).on('connection', (ws) => {
    connections++;
    peers.add(ws);
  });
}
const rssKb = (): number =>
  Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0);
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
});
process.on('message', () => {
  (globalThis as { gc?: () => void }).gc?.();
  const heap = process.memoryUsage();
  process.send?.({ rssKb: rssKb(), heapKb: (heap.heapUsed + heap.external) / 1024, connections });
});
