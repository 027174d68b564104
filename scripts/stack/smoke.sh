#!/usr/bin/env bash
# Smoke test of a running stack (scripts/stack.sh up): a buildx build on the default
# builder with a RUN step, local cache export (mode=max) and import, and a push to the
# open and to the htpasswd registry. Prints "smoke: ok" and exits 0 when all works.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck disable=SC1091
. "$ROOT/.stack/env"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Like the action: a private config dir that keeps the stack's plugins (its Buildx).
plugins="${DOCKER_CONFIG:-$HOME/.docker}/cli-plugins"
export DOCKER_CONFIG="$work/docker-config"
mkdir -p "$DOCKER_CONFIG" "$work/ctx"
[ -d "$plugins" ] && ln -s "$plugins" "$DOCKER_CONFIG/cli-plugins"
# shellcheck disable=SC2016  # ${BASE} is for the Dockerfile
printf 'ARG BASE\nFROM ${BASE}\nRUN echo built-by-run > /run.txt && ls /bin/sh\nCOPY stamp /stamp\nRUN cat /stamp >> /run.txt\n' >"$work/ctx/Dockerfile"
date +%s%N >"$work/ctx/stamp"   # a new layer every time, so the push really uploads

build() { # build TAG EXTRA-ARGS...
  local tag=$1; shift
  docker buildx build --progress=plain --build-arg "BASE=$IMAGE_BUILD_BASE_IMAGE" \
    --cache-to "type=local,dest=$work/cache,mode=max" "$@" -t "$tag" --push "$work/ctx" >"$work/build.log" 2>&1 \
    || { tail -n 30 "$work/build.log"; echo "smoke: FAILED building $tag" >&2; exit 1; }
}
docker buildx version
build "$IMAGE_BUILD_REGISTRY/smoke/app:latest"
[ -f "$work/cache/index.json" ] || { echo "smoke: FAILED: no local cache written" >&2; exit 1; }
echo "$IMAGE_BUILD_AUTH_PASSWORD" | docker login -u "$IMAGE_BUILD_AUTH_USER" --password-stdin "$IMAGE_BUILD_AUTH_REGISTRY" >/dev/null 2>&1
build "$IMAGE_BUILD_AUTH_REGISTRY/smoke/app:latest" --cache-from "type=local,src=$work/cache"
grep -q CACHED "$work/build.log" || { echo "smoke: FAILED: second build used no cache" >&2; exit 1; }
accept='application/vnd.oci.image.index.v1+json,application/vnd.oci.image.manifest.v1+json'
curl -sf -o /dev/null -H "Accept: $accept" "http://$IMAGE_BUILD_REGISTRY/v2/smoke/app/manifests/latest"
curl -sf -o /dev/null -H "Accept: $accept" -u "$IMAGE_BUILD_AUTH_USER:$IMAGE_BUILD_AUTH_PASSWORD" \
  "http://$IMAGE_BUILD_AUTH_REGISTRY/v2/smoke/app/manifests/latest"
echo "smoke: ok"
