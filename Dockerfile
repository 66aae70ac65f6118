# syntax=docker/dockerfile:1
#
# The api with the admin built in: one image, run behind a load balancer (see compose.yaml).
#   docker build -t socialcrm-api .
# It needs DATABASE_URL (an owner connection: migrations run at start), AUTH_TOKEN_SECRET and
# CONNECTOR_SECRET_KEY (32+ characters each); see the README's "Running in containers".

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- build: the whole workspace installed, the api and the admin built, then a pruned copy
FROM ${NODE_IMAGE} AS build
ENV CI=true \
    TURBO_TELEMETRY_DISABLED=1 \
    DO_NOT_TRACK=1
RUN npm install -g pnpm@10.34.9
WORKDIR /repo

# The manifests first, so the install layer is reused until one of them or the lockfile changes.
# pnpm-workspace.yaml runs only embedded-postgres's install script; argon2 and the others ship
# prebuilt binaries and their scripts stay off.
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml .npmrc ./
COPY apps/api/package.json apps/api/
COPY apps/admin/package.json apps/admin/
COPY packages/domain/package.json packages/domain/
COPY packages/schema/package.json packages/schema/
COPY packages/validation/package.json packages/validation/
COPY tests/package.json tests/
RUN pnpm install --frozen-lockfile

COPY . .
RUN pnpm turbo run build --filter=@socialcrm/api --filter=@socialcrm/admin

# The api with its production dependencies only (@socialcrm/domain copied in, not linked).
# The embedded PostgreSQL binaries serve `pnpm start` without DATABASE_URL; the image always
# has DATABASE_URL, so they are dropped (about 60 MB).
RUN pnpm --filter @socialcrm/api deploy --prod --legacy /out \
 && rm -rf /out/node_modules/.pnpm/@embedded-postgres+*

# ---- runtime: the same layout as the repository, so main.js finds ../../admin/dist itself
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000 \
    ADMIN_DIST_DIR=/app/apps/admin/dist
WORKDIR /app
# Owned by root and read-only to the process: the api writes nothing to its own files.
COPY --from=build /out/package.json apps/api/package.json
COPY --from=build /out/node_modules apps/api/node_modules
COPY --from=build /out/dist apps/api/dist
COPY --from=build /repo/apps/admin/dist apps/admin/dist

# The node image's unprivileged user (uid 1000).
USER node
EXPOSE 4000
# Liveness only (the process serves HTTP); the load balancer asks /readyz, which also checks
# PostgreSQL. The slim image has no curl: Node's fetch does it.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# main.js drains connections on SIGTERM and exits within 12 s (compose waits 15 s).
CMD ["node", "apps/api/dist/main.js"]
