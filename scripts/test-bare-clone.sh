#!/usr/bin/env bash
# The unit and integration tests (vitest) in a fresh clone of this checkout's HEAD, in a
# temporary folder with nothing beside it: a test that reads outside the repository (such as
# ../shared, which CI and developers often have beside the checkout) fails here. Arguments go
# to vitest (`bash scripts/test-bare-clone.sh tests/integration/crash-safety.test.ts`).
#
# The clone reuses this checkout's installed packages instead of a second `npm install`
# (~2.5 minutes here): node_modules is copied as hard links (~2 s; a symlink will not do, as
# Next's build refuses packages outside the project's folder), without the tools' caches, and
# `npm run generate` writes the Prisma clients into the clone's git-ignored prisma/generated.
# (.ci/run checks that `npm install` leaves its own fresh clone clean.) Cost: the vitest suite
# once more plus one `next build` in the clone (the tests that start the app build it there).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/paperdex-bare-XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

git clone --quiet --no-checkout "$ROOT" "$WORK/paperdex"
cd "$WORK/paperdex"
git checkout --quiet --detach "$(git -C "$ROOT" rev-parse HEAD)"
echo "▸ bare clone of $(git rev-parse --short HEAD) in $WORK/paperdex (nothing beside it)"
cp -al "$ROOT/node_modules" node_modules 2>/dev/null || { rm -rf node_modules && cp -a "$ROOT/node_modules" node_modules; }
rm -rf node_modules/.cache node_modules/.vite node_modules/.vite-temp
npm run --silent generate >/dev/null
export NEXT_TELEMETRY_DISABLED=1
npx vitest run "$@"
# Nothing the tests or the generate step did may show up as a change to the repository.
test -z "$(git status --porcelain)" || { git status --porcelain; echo "✖ the run changed files of the clone" >&2; exit 1; }
