# The Paperdex app image (docker-compose.yml runs it as app servers and as the ingest tool).
FROM node:20-bookworm-slim
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
# Dependencies first (postinstall generates both Prisma clients from prisma/).
COPY package.json package-lock.json ./
COPY scripts ./scripts
COPY prisma ./prisma
RUN npm install --no-audit --no-fund
COPY . .
RUN node node_modules/next/dist/bin/next build
EXPOSE 3000
# Applies pending migrations (PostgreSQL serialises concurrent runs), then serves; the server
# checks its Meilisearch key at start (instrumentation.ts).
CMD ["sh", "-c", "npm run migrate && exec node node_modules/next/dist/bin/next start -p 3000"]
