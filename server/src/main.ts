import { loadConfig } from './config.ts';
import { createLogger } from './log.ts';
import { startApp } from './app.ts';

const config = loadConfig();
const log = createLogger(config.logLevel);

try {
  const app = await startApp(config, log);
  log.info(
    { port: app.port, dataDir: config.dataDir, redis: Boolean(config.redisUrl) },
    `Twinspace listening on http://localhost:${app.port}`,
  );
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'draining: not ready, storing accepted work, closing connections');
    app.drain().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
} catch (err) {
  // Say why in the message itself (e.g. "cannot reach Redis at redis://...: connect ECONNREFUSED").
  log.fatal(
    { err: String(err) },
    `could not start: ${err instanceof Error ? err.message : String(err)}`,
  );
  process.exit(1);
}
