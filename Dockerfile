# syntax=docker/dockerfile:1.7
# One multi-stage build for both apps: `docker build --build-arg APP=http .` (or APP=worker).
# turbo prune keeps only the packages the app needs, so a change elsewhere does not rebuild it, and the
# image holds the app's `dist` and its production dependencies only — no sources, no pnpm, no compiler.
ARG NODE_IMAGE=node:24.21.0-bookworm-slim
ARG APP=http

FROM ${NODE_IMAGE} AS base
ENV TURBO_TELEMETRY_DISABLED=1
# The versions of the root package.json. pnpm 12's npm package is a launcher that installs the native binary
# of the build platform (amd64 or arm64); corepack is not used (it cannot verify pnpm 12).
RUN npm install --global --no-fund --no-audit pnpm@12.21.0 turbo@2.11.11

FROM base AS pruned
ARG APP
WORKDIR /src
COPY . .
RUN turbo prune @contextflow/${APP} --docker

FROM base AS build
ARG APP
WORKDIR /src
# Manifests and the pruned lockfile first: the install layer survives source edits.
COPY --from=pruned /src/out/json/ .
RUN --mount=type=cache,id=pnpm-store,target=/pnpm/store \
    pnpm install --frozen-lockfile --store-dir=/pnpm/store
COPY --from=pruned /src/out/full/ .
# turbo prune copies the workspace packages, not the root tsconfig every package extends.
COPY tsconfig.base.json ./
RUN turbo run build --filter=@contextflow/${APP}...
# The app with its production dependencies, workspace packages as their published `dist` (pnpm 12's
# deploy reads the lockfile; the store must be the install's, hence the same cache mount).
RUN --mount=type=cache,id=pnpm-store,target=/pnpm/store \
    pnpm --filter=@contextflow/${APP} deploy --prod --store-dir=/pnpm/store /out

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
# Owned by root: the app's user reads its code but cannot rewrite it.
COPY --from=build /out/package.json ./
COPY --from=build /out/node_modules ./node_modules
COPY --from=build /out/dist ./dist
USER node
# The API (http) and the operations ports (/metrics, /health/*: the http app's 9465, the worker's 9464); the
# compose file sets OPS_HOST=0.0.0.0 so a scraper reaches them (the apps bind 127.0.0.1 by default).
EXPOSE 3000 9464 9465
# Node directly (no package manager, no shell in between): a fast start, and SIGTERM reaches the app, which
# drains before exiting. The worker takes its command as arguments: `run` or `migrate`. The heap limits keep
# V8 from sizing its heap after the host's memory (RSS under load ~150-170 MiB instead of 250-375; README,
# Results); the same flags as package.json's start scripts.
ENTRYPOINT ["node", "--max-semi-space-size=16", "--max-old-space-size=512", "dist/main.js"]
