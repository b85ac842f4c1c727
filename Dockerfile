# syntax=docker/dockerfile:1.7
# One multi-stage build for both apps: `docker build --build-arg APP=http .` (or APP=worker).
# turbo prune keeps only the packages the app needs, so a change elsewhere does not rebuild it.
ARG NODE_IMAGE=node:24.21.0-bookworm-slim

FROM ${NODE_IMAGE} AS base
ENV TURBO_TELEMETRY_DISABLED=1 PNPM_HOME=/pnpm PATH=/pnpm:$PATH
RUN npm install --global --no-fund --no-audit @pnpm/exe@12.21.0 turbo@2.11.11

FROM base AS pruned
ARG APP=http
WORKDIR /src
COPY . .
RUN turbo prune @contextflow/${APP} --docker

FROM base AS build
ARG APP=http
WORKDIR /src
COPY --from=pruned /src/out/json/ .
RUN --mount=type=cache,id=pnpm,target=/pnpm/store pnpm install --frozen-lockfile
COPY --from=pruned /src/out/full/ .
RUN pnpm turbo run build --filter=@contextflow/${APP}... \
 && pnpm --filter=@contextflow/${APP} deploy --prod --legacy /out

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build --chown=node:node /out .
USER node
EXPOSE 3000
CMD ["node", "dist/main.js"]
