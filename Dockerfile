# Twinspace: one server process (HTTP + Socket.IO + Yjs WebSocket) serving the built client.
#   docker build -t twinspace .
#   docker run -p 3000:3000 -v twinspace-data:/data twinspace     # one process, SQLite in /data
# Scaled out behind a load balancer with Redis: see docker-compose.yml.

# ---- build: install everything (better-sqlite3 compiles with node-gyp) and build the client
FROM node:20-bookworm-slim AS build
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# Every workspace's package.json, so `npm ci` can run before the sources are copied.
COPY package.json package-lock.json ./
COPY shared/package.json shared/
COPY server/package.json server/
COPY client/package.json client/
COPY bench/package.json bench/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# ---- runtime: same base (the native addon is built against its glibc), no compilers
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
  PORT=3000 \
  HOST=0.0.0.0 \
  DATA_DIR=/data
WORKDIR /app
# node_modules keeps the dev dependencies: the server runs from TypeScript through tsx.
COPY --from=build --chown=node:node /app /app
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The flags of `npm run serve` (package.json; server/test/compose.test.ts keeps them equal): a
# 1 MB young generation halves the memory each connection costs (docs/performance.md).
CMD ["node", "--max-semi-space-size=1", "--import", "tsx", "server/src/main.ts"]
