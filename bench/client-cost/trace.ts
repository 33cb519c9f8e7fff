import type { CDPSession } from 'playwright-core';

/**
 * BENCH_TRACE=1: the request waterfall of a load (start and end of every request and
 * WebSocket handshake, and every WebSocket message with its first bytes, relative to
 * navigation), to see which round trips are sequential.
 */
export function traceRequests(cdp: CDPSession, label: string) {
  const rows: { at: number; end?: number; text: string }[] = [];
  const open = new Map<string, { url: string; start: number }>();
  const short = (u: string): string => u.replace(/^(https?|wss?):\/\/[^/]+/, '').slice(0, 70);
  const end = (id: string, prefix = '', bytes?: number): void => {
    const row = open.get(id);
    if (!row) return;
    open.delete(id);
    const size = bytes === undefined ? '' : ` (${(bytes / 1024).toFixed(1)} KB)`;
    rows.push({ at: row.start, end: Date.now(), text: `${prefix}${row.url}${size}` });
  };
  cdp.on('Network.requestWillBeSent', (e: { requestId: string; request: { url: string } }) =>
    open.set(e.requestId, { url: short(e.request.url), start: Date.now() }),
  );
  cdp.on('Network.loadingFinished', (e: { requestId: string; encodedDataLength: number }) =>
    end(e.requestId, '', e.encodedDataLength),
  );
  cdp.on('Network.loadingFailed', (e: { requestId: string }) => end(e.requestId, 'FAILED '));
  cdp.on('Network.webSocketCreated', (e: { requestId: string; url: string }) =>
    open.set(e.requestId, { url: `ws ${short(e.url)}`, start: Date.now() }),
  );
  cdp.on('Network.webSocketHandshakeResponseReceived', (e: { requestId: string }) =>
    end(e.requestId),
  );
  const frame =
    (dir: string) =>
    (e: { response: { opcode: number; payloadData: string } }): void => {
      const { opcode, payloadData } = e.response;
      const body =
        opcode === 1
          ? `${payloadData.slice(0, 40)} (${payloadData.length} chars)`
          : `binary ${payloadData.length} b64 chars`;
      rows.push({ at: Date.now(), text: `   ${dir} ${body}` });
    };
  cdp.on('Network.webSocketFrameSent', frame('>>'));
  cdp.on('Network.webSocketFrameReceived', frame('<<'));
  return {
    print(t0: number, marks: [string, number][]): void {
      console.log(`-- waterfall (${label})`);
      const lines = rows.map((r) => {
        const span = r.end === undefined ? '          ' : ` -> ${String(r.end - t0).padStart(6)}`;
        return { at: r.at, text: `${String(r.at - t0).padStart(6)}${span}  ${r.text}` };
      });
      for (const [url, row] of open)
        lines.push({
          at: row.start,
          text: `${String(row.start - t0).padStart(6)} ->      ?  ${url}`,
        });
      for (const [name, at] of marks)
        lines.push({ at, text: `${String(at - t0).padStart(6)}           ${name}` });
      for (const l of lines.sort((a, b) => a.at - b.at)) console.log(l.text);
    },
  };
}
