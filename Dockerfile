# Parley's worker and API (one image; the command picks the role: `serve --no-api` / `serve --no-worker`).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src src
COPY workflows workflows
COPY activities activities
COPY console console
COPY scripts/build-console.mjs scripts/
RUN npx tsc -p tsconfig.build.json && node scripts/build-console.mjs && npm prune --omit=dev

# The load harness against a running stack (docs/scaling.md): the source tree and its dev
# dependencies, as `npm run load` runs from a clone. Built only for compose's `load` profile.
FROM node:20-bookworm-slim AS load
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
ENTRYPOINT ["npm", "run", "load", "--"]

# The service image (the default target, so it stays last).
FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
USER node
ENTRYPOINT ["node", "dist/src/cli/parley.js"]
CMD ["serve"]
