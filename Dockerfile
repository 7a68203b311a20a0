# syntax=docker/dockerfile:1.7
# Loadline's images, built from the repository root:
#   docker build --target runner -t loadline-app .     the web app (Next.js standalone server)
#   docker build --target tools  -t loadline-tools .   migrations (`pnpm db:migrate`) and the worker
# Both run as a non-root user. Configuration comes from the environment (see README "Operations").

ARG NODE_VERSION=20.19-bookworm-slim

FROM node:${NODE_VERSION} AS base
ENV PNPM_HOME=/pnpm PATH=/pnpm:$PATH NEXT_TELEMETRY_DISABLED=1 TURBO_TELEMETRY_DISABLED=1
# corepack's signature check fails on some networks: install the pinned pnpm from npm.
RUN npm install -g pnpm@10.34.9 && pnpm --version
WORKDIR /app

# Dependencies only, so the layer is reused until the lockfile changes.
FROM base AS deps
COPY pnpm-lock.yaml pnpm-workspace.yaml package.json ./
COPY patches ./patches
COPY apps/web/package.json apps/web/
COPY packages/api/package.json packages/api/
COPY packages/auth/package.json packages/auth/
COPY packages/config/package.json packages/config/
COPY packages/db/package.json packages/db/
COPY packages/domain/package.json packages/domain/
COPY packages/run-import/package.json packages/run-import/
COPY packages/ui/package.json packages/ui/
COPY e2e/package.json e2e/
RUN --mount=type=cache,id=pnpm,target=/pnpm/store pnpm install --frozen-lockfile

FROM deps AS build
COPY . .
# Standalone output: a server.js with only the files it needs (next.config.ts reads this).
ENV LOADLINE_STANDALONE=true NODE_ENV=production
# The build signs nothing; a placeholder secret satisfies the env check at build time only.
RUN AUTH_SECRET=build-time-placeholder-not-used-at-run-time pnpm --filter @loadline/web exec next build

# Migrations and the worker run TypeScript through tsx from the full workspace.
FROM build AS tools
ENV NODE_ENV=production
RUN groupadd --system --gid 1001 loadline && useradd --system --uid 1001 --gid loadline loadline
USER loadline
CMD ["pnpm", "--filter", "@loadline/api", "worker"]

FROM node:${NODE_VERSION} AS runner
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0 \
    LOADLINE_MIGRATIONS_DIR=/app/packages/db/drizzle
WORKDIR /app
RUN groupadd --system --gid 1001 loadline && useradd --system --uid 1001 --gid loadline loadline
# The standalone tree mirrors the monorepo (apps/web/server.js); static files are not traced.
COPY --from=build --chown=loadline:loadline /app/apps/web/.next/standalone ./
COPY --from=build --chown=loadline:loadline /app/apps/web/.next/static ./apps/web/.next/static
# The readiness probe compares the database with the migrations this build ships.
COPY --from=build --chown=loadline:loadline /app/packages/db/drizzle ./packages/db/drizzle
COPY --from=build --chown=loadline:loadline /app/pnpm-workspace.yaml ./
USER loadline
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
WORKDIR /app/apps/web
CMD ["node", "server.js"]
