#!/usr/bin/env bash
# The local stack for tests, demo and benchmark (DESIGN.md section 4):
# Docker Engine + Buildx, two registries (open, htpasswd), busybox base images (one
# single-platform, one multi-arch index; QEMU for its foreign RUN steps) and
# the cache-service emulator with Azurite holding its blobs, all on loopback (the open
# registry at the engine bridge's gateway too), all runtime state under <repo>/.stack/.
#
#   scripts/stack.sh up       start what is missing (idempotent; fast when warm)
#   scripts/stack.sh down     stop only what `up` started (PID files in .stack/)
#   scripts/stack.sh status   show what runs
#   scripts/stack.sh env      print .stack/env (source it: `. .stack/env`)
#
# IMAGE_BUILD_ENGINE picks the engine: 28 (Docker 28.5 + Buildx 0.29, Debian testing, with
# the containerd image store), 28-classic (the same without it, as GitHub-hosted runners
# ship it) or 26 (Docker 26.1 + Buildx 0.13, Debian 13, the floor) of our own, or "external" (the
# Docker Engine + Buildx already there, as on a runner). Unset: an engine already there
# if one works, else our 28. IMAGE_BUILD_STACK_OWN_ENGINE=1 (older spelling) forces our
# own. Downloaded engines are shared across clones in IMAGE_BUILD_STACK_HOME (default
# ~/.cache/image-build-stack), one folder per version.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STACK="$ROOT/.stack"
# A linked .stack (a second checkout sharing one stack) is named by its real path: the
# running processes name that one, and `alive` looks for it in their command lines.
[ -L "$STACK" ] && STACK=$(readlink -f "$STACK")
PID_DIR="$STACK" SAY_AS=stack
# shellcheck source=scripts/stack/lib.sh
. "$ROOT/scripts/stack/lib.sh"
# shellcheck source=scripts/stack/qemu.sh
. "$ROOT/scripts/stack/qemu.sh"
SHARED="${IMAGE_BUILD_STACK_HOME:-$HOME/.cache/image-build-stack}"
# shellcheck source=scripts/stack/engine.sh
. "$ROOT/scripts/stack/engine.sh"
REQUESTED=${IMAGE_BUILD_ENGINE:-}
[ "$REQUESTED" = stack ] && REQUESTED=   # what .stack/env said before engines had versions
[ -n "${IMAGE_BUILD_STACK_OWN_ENGINE:-}" ] && [ -z "$REQUESTED" ] && REQUESTED=28
BIN=                                   # private docker, dockerd, containerd, ... (ensure_engine)
CLIENT_CONFIG="$STACK/docker-client"   # DOCKER_CONFIG of .stack/env: the engine's Buildx
SOCK="$STACK/docker.sock"
# IMAGE_BUILD_STACK_PORT_BASE (default 15000; 16000, 17000, ... for a second stack on the
# machine) picks the ports and the host-only bridge for RUN steps (see daemon.json).
PORT_BASE=$(stack_port_base "$STACK")
stack_network "$PORT_BASE"
OPEN_REG=127.0.0.1:$OPEN_PORT AUTH_REG=127.0.0.1:$AUTH_PORT
AUTH_USER=ci-user BASE_REPO=base/busybox:1
# tini (its tini-static) is docker-init: Buildx starts a docker-container builder with --init.
APT_PKGS=(runc iptables iproute2 docker-registry busybox-static zstd apache2-utils curl ca-certificates tini)

# Refuse to start a server whose port already answers: the waits below would take a
# stranger's answers for ours.
port_free() {
  ! curl -s -o /dev/null --max-time 2 "http://$1/" || fail "$1 already answers, but not from a process of this stack (see: ss -ltnp)"
}

# ---- 1. Debian 12 packages ---------------------------------------------------------
ensure_apt_packages() {
  local missing=() p
  for p in "${APT_PKGS[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "apt-get install ${missing[*]}"
  apt-get update -qq >"$STACK/apt.log" 2>&1 || fail "apt-get update failed" "$STACK/apt.log"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" \
    >>"$STACK/apt.log" 2>&1 || fail "apt-get install failed" "$STACK/apt.log"
}

# ---- 2. Engine (scripts/stack/engine.sh) ------------------------------------------
# containerd's overlayfs snapshotter needs overlay mounts on the filesystem of .stack/
# (fails e.g. when .stack/ itself is on overlayfs); else fall back to "native" (copies).
pick_snapshotter() {
  [ -s "$STACK/snapshotter" ] && { cat "$STACK/snapshotter"; return; }
  local t="$STACK/ovl-probe" s=native
  mkdir -p "$t"/{l,u,w,m}
  if mount -t overlay overlay -o "lowerdir=$t/l,upperdir=$t/u,workdir=$t/w" "$t/m" 2>/dev/null; then
    umount "$t/m"; s=overlayfs
  fi
  rm -rf "$t"; echo "$s" | tee "$STACK/snapshotter"
}
docker_ours() { DOCKER_HOST="unix://$SOCK" DOCKER_CONFIG="$CLIENT_CONFIG" "$BIN/docker" "$@"; }

# The running engine's version and bin/ (written when it starts). A stack started before
# engines had versions runs 26 from the old shared layout.
running_engine() {
  ENGINE=$(cat "$STACK/engine-version" 2>/dev/null || echo 26)
  BIN=$(cat "$STACK/engine-bin" 2>/dev/null || echo "$SHARED/bin")
  BUILDX=$(cat "$STACK/engine-buildx" 2>/dev/null || echo "$SHARED/root/usr/libexec/docker/cli-plugins/docker-buildx")
}
external_engine_works() {
  [ "${DOCKER_HOST:-}" != "unix://$SOCK" ] && docker buildx version >/dev/null 2>&1 && docker info >/dev/null 2>&1
}
external_image_store() { docker info -f '{{json .DriverStatus}}' 2>/dev/null | grep -q io.containerd.snapshotter; }
ensure_engine() {
  if alive dockerd; then   # ours runs (maybe still starting): never start a second one
    running_engine
    if [ -n "$REQUESTED" ] && [ "$REQUESTED" != "$ENGINE" ]; then
      fail "this stack runs engine $ENGINE, not $REQUESTED: run scripts/stack.sh down, then up again"
    fi
    [ -z "$REQUESTED" ] && [ "$ENGINE" != 28 ] && say "keeping the running Docker $ENGINE (for 28, the default: scripts/stack.sh down, then up)"
    grep -q insecure-registries "$STACK/daemon.json" 2>/dev/null \
      || say "this engine was started before it listed the bridge's gateway as an insecure registry: scripts/stack.sh down, then up, for the tests that push there"
    link_buildx_plugin "$BUILDX" "$CLIENT_CONFIG" "$PORT_BASE"
    wait_for 60 dockerd "$STACK/dockerd.log" docker_ours info; return
  fi
  # An engine already there is used when it can do what the suite does: without the
  # containerd image store (Docker 28's default) its docker driver cannot --cache-to, so
  # unless asked for, our own engine runs beside it instead.
  if [ "$REQUESTED" = external ] || { [ -z "$REQUESTED" ] && external_engine_works && external_image_store; }; then
    external_engine_works || fail "IMAGE_BUILD_ENGINE=external, but docker buildx version / docker info fail here"
    ENGINE=external; say "using the Docker Engine + Buildx already there ($(docker version -f '{{.Server.Version}}' 2>/dev/null), $(docker buildx version 2>/dev/null | cut -d' ' -f2))"
    external_image_store || say "warning: that engine has no containerd image store, so its docker driver cannot --cache-to"
    return
  fi
  if [ -z "$REQUESTED" ] && external_engine_works; then
    say "the Docker Engine already there has no containerd image store (its docker driver cannot --cache-to): starting our own beside it"
  fi
  ENGINE=${REQUESTED:-28}
  local version=${ENGINE%-classic} features=true storage
  [ "$ENGINE" = "$version" ] || features=false
  install_engine "$version"
  BIN=$(engine_home "$version")/bin BUILDX=$(engine_buildx "$version")
  # docker-init for containers started with --init (docker-container builders): Debian's tini-static.
  ln -sf /usr/bin/tini-static "$BIN/docker-init"
  link_buildx_plugin "$BUILDX" "$CLIENT_CONFIG" "$PORT_BASE"
  [ ${#SOCK} -lt 100 ] || fail "socket path too long for unix sockets: $SOCK (move the clone)"
  local snap; snap=$(pick_snapshotter)
  # The classic store keeps images in a graph driver: overlay2 where overlay mounts work, else vfs.
  storage=$snap
  [ "$features" = true ] || { [ "$snap" = overlayfs ] && storage=overlay2 || storage=vfs; }
  mkdir -p "$STACK/containerd" "$STACK/docker" "$STACK/docker-exec"
  export PATH="$BIN:$PATH"     # dockerd/containerd find containerd-shim-runc-v2 and runc
  start_containerd "$STACK" "$STACK/containerd.sock"
  # BuildKit's RUN steps need the default "bridge" network (bridge=none fails with
  # "network bridge not found"). Ours is a host-only bridge with its own name (so it never
  # meets another engine's docker0) and a fixed small subnet (clear of this host's 10.x
  # resolver; one per port base); no iptables/NAT and no IP forwarding, so nothing from a container leaves
  # the machine. 127.0.0.0/8 registries are insecure (plain http) by default in dockerd;
  # so is the bridge's gateway, where the open registry is reached from a container on it
  # (a docker-container builder on a bridge network, as setup-buildx-action makes one).
  host_bridge "$BRIDGE" "$BRIDGE_IP"
  cat >"$STACK/daemon.json" <<EOF
{ "features": { "containerd-snapshotter": $features },
  "insecure-registries": ["$BRIDGE_IP/32"],
  "storage-driver": "$storage",
  "containerd": "$STACK/containerd.sock",
  "data-root": "$STACK/docker", "exec-root": "$STACK/docker-exec",
  "pidfile": "$STACK/dockerd.own.pid", "hosts": ["unix://$SOCK"],
  "bridge": "$BRIDGE", "default-address-pools": [{"base": "$POOL", "size": 24}],
  "iptables": false, "ip6tables": false, "ip-forward": false,
  "ip-masq": false, "userland-proxy": false }
EOF
  rm -f "$STACK/dockerd.own.pid"   # a stale one (after a crash) blocks dockerd's start
  echo "$ENGINE" >"$STACK/engine-version"; echo "$BIN" >"$STACK/engine-bin"; echo "$BUILDX" >"$STACK/engine-buildx"
  say "starting dockerd $ENGINE ($storage storage)"
  start dockerd "$STACK/dockerd.log" dockerd --config-file "$STACK/daemon.json"
  wait_for 60 dockerd "$STACK/dockerd.log" docker_ours info
  docker_ours buildx version >/dev/null 2>&1 || fail "docker buildx does not work"
}

# ---- 3. Registries -----------------------------------------------------------------
# NAME ADDR [htpasswd]. distribution writes one combined-log line per HTTP request to
# stdout (the access log) and its own messages to stderr.
ensure_registry() {
  local name=$1 addr=$2 dir="$STACK/$1"
  mkdir -p "$dir/data"
  if ! alive "$name"; then
    { echo "version: 0.1"
      echo "log: {level: info, accesslog: {disabled: false}}"
      echo "storage: {filesystem: {rootdirectory: $dir/data}, delete: {enabled: true}, cache: {blobdescriptor: inmemory}}"
      echo "http: {addr: '$addr', secret: stack-$name, headers: {X-Content-Type-Options: [nosniff]}}"
      [ "${3:-}" = htpasswd ] && echo "auth: {htpasswd: {realm: image-build, path: $STACK/htpasswd}}"
    } >"$dir/config.yml"
    port_free "$addr"; say "starting registry $name on $addr"
    start "$name" "$dir/registry.log" sh -c "exec docker-registry serve '$dir/config.yml' >>'$dir/access.log'"
  fi
  wait_for 15 "$name" "$dir/registry.log" curl -s -o /dev/null "http://$addr/v2/"
}
ensure_registries() {
  [ -s "$STACK/auth-password" ] || (umask 077; head -c 48 /dev/urandom | base64 | tr -dc A-Za-z0-9 | cut -c1-24 >"$STACK/auth-password")
  AUTH_PASSWORD=$(cat "$STACK/auth-password")
  [ "$STACK/htpasswd" -nt "$STACK/auth-password" ] || htpasswd -Bbc "$STACK/htpasswd" "$AUTH_USER" "$AUTH_PASSWORD" 2>/dev/null
  ensure_registry registry-open "$OPEN_REG"
  ensure_registry registry-auth "$AUTH_REG" htpasswd
}

# The open registry at the gateway of the engine's bridge as well (scripts/stack/forward.mjs),
# for builders in containers on it; only with our own engine, whose bridge that is.
ensure_gateway() {
  [ "$ENGINE" != external ] || return 0
  local js="$ROOT/scripts/stack/forward.mjs" node=node log="$STACK/gateway.log"
  [ -x "$ROOT/node_modules/.bin/node" ] && node="$ROOT/node_modules/.bin/node"
  if ! alive gateway; then
    port_free "$BRIDGE_IP:$OPEN_PORT"; say "forwarding $BRIDGE_IP:$OPEN_PORT (the bridge's gateway) to the open registry"
    start gateway "$log" "$node" "$js" --stack "$STACK" "$BRIDGE_IP:$OPEN_PORT=$OPEN_REG"
  fi
  wait_for 15 gateway "$log" curl -s -o /dev/null "http://$BRIDGE_IP:$OPEN_PORT/v2/"
}

# ---- 4. Base image: Debian's static busybox with its applet links ----------------
ensure_base_image() {
  local accept='application/vnd.oci.image.index.v1+json,application/vnd.oci.image.manifest.v1+json,application/vnd.docker.distribution.manifest.v2+json,application/vnd.docker.distribution.manifest.list.v2+json'
  local need=() r
  curl -sf -o /dev/null -H "Accept: $accept" "http://$OPEN_REG/v2/${BASE_REPO%:*}/manifests/1" || need+=("$OPEN_REG")
  curl -sf -o /dev/null -u "$AUTH_USER:$AUTH_PASSWORD" -H "Accept: $accept" \
    "http://$AUTH_REG/v2/${BASE_REPO%:*}/manifests/1" || need+=("$AUTH_REG")
  [ ${#need[@]} -eq 0 ] && return 0
  say "building base image $BASE_REPO from busybox-static"
  local t="$STACK/base-rootfs" a
  rm -rf "$t" && mkdir -p "$t"/{bin,sbin,usr/bin,usr/sbin,etc,tmp,root,proc,sys,dev,var}
  chmod 1777 "$t/tmp"
  cp /bin/busybox "$t/bin/busybox"
  for a in $(/bin/busybox --list-full); do [ -e "$t/$a" ] || ln -s /bin/busybox "$t/$a"; done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' >"$t/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' >"$t/etc/group"
  local img="$OPEN_REG/$BASE_REPO" cfg="$STACK/docker-config"   # own login, not the user's
  tar -C "$t" --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -c . \
    | docker import --change 'ENV PATH=/usr/sbin:/usr/bin:/sbin:/bin' --change 'CMD ["/bin/sh"]' - "$img" >/dev/null \
    || fail "docker import failed"
  rm -rf "$t"
  for r in "${need[@]}"; do
    docker tag "$img" "$r/$BASE_REPO"
    [ "$r" = "$AUTH_REG" ] && echo "$AUTH_PASSWORD" | DOCKER_CONFIG="$cfg" docker login -u "$AUTH_USER" --password-stdin "$r" >/dev/null 2>&1
    DOCKER_CONFIG="$cfg" docker push -q "$r/$BASE_REPO" >/dev/null || fail "push of $r/$BASE_REPO failed"
  done
}

# ---- 5. Azurite (npm azurite, a devDependency): the blob store behind the emulator --
# Blob service only, data in .stack/azurite, no telemetry (nothing leaves the machine).
ensure_azurite() {
  local js="$ROOT/node_modules/azurite/dist/src/blob/main.js" node=node log="$STACK/azurite.log"
  [ -f "$js" ] || fail "Azurite is not installed (npm ci installs it: a devDependency)"
  [ -x "$ROOT/node_modules/.bin/node" ] && node="$ROOT/node_modules/.bin/node"
  if ! alive azurite; then
    mkdir -p "$STACK/azurite"
    port_free "127.0.0.1:$AZURITE_PORT"; say "starting Azurite (blob) on 127.0.0.1:$AZURITE_PORT"
    start azurite "$log" "$node" "$js" --blobHost 127.0.0.1 --blobPort "$AZURITE_PORT" --location "$STACK/azurite" \
      --disableTelemetry --skipApiVersionCheck --silent
  fi
  # Any HTTP answer will do (an anonymous request is refused with 4xx).
  wait_for 30 azurite "$log" sh -c "curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:$AZURITE_PORT/devstoreaccount1?comp=list | grep -q '^[1-5]'"
}

# ---- 6. Cache service emulator (scripts/cache-service.mjs), its blobs in Azurite --------
ensure_cache_service() {
  local js="$ROOT/scripts/cache-service.mjs" node=node log="$STACK/cache-service.log"
  [ -f "$js" ] || { say "no scripts/cache-service.mjs yet: cache service skipped"; return 0; }
  [ -x "$ROOT/node_modules/.bin/node" ] && node="$ROOT/node_modules/.bin/node"
  if ! alive cache-service; then
    mkdir -p "$STACK/cache-service"
    port_free "127.0.0.1:$CACHE_PORT"; say "starting cache service on 127.0.0.1:$CACHE_PORT"
    start cache-service "$log" "$node" "$js" --port "$CACHE_PORT" --dir "$STACK/cache-service" --azurite "http://127.0.0.1:$AZURITE_PORT"
  fi
  wait_for 15 cache-service "$log" sh -c "curl -sf -X POST -H 'content-type: application/json' \
    -d '{\"key\":\"x\",\"restore_keys\":[],\"version\":\"v\"}' \
    http://127.0.0.1:$CACHE_PORT/twirp/github.actions.results.api.v1.CacheService/GetCacheEntryDownloadURL | grep -q '^{'"
}

# ---- 7. env file ---------------------------------------------------------------------
write_env() {
  { echo "# written by scripts/stack.sh up; source it: . $STACK/env"
    echo "export IMAGE_BUILD_STACK_DIR='$STACK'"
    echo "export IMAGE_BUILD_ENGINE='$ENGINE'"
    echo "export IMAGE_BUILD_STACK_PORT_BASE='$PORT_BASE'"
    if [ "$ENGINE" != external ]; then
      echo "export DOCKER_HOST='unix://$SOCK'"
      echo "export DOCKER_CONFIG='$CLIENT_CONFIG'"
      echo "export PATH='$BIN':\"\$PATH\""
    else
      # How `up` reached the engine already there; the test harness starts the action
      # with a clean environment, so these must come from here.
      local v
      for v in DOCKER_HOST DOCKER_CONTEXT DOCKER_CONFIG; do
        [ -n "${!v:-}" ] && echo "export $v='${!v}'"
      done
    fi
    echo "export IMAGE_BUILD_REGISTRY='$OPEN_REG'"
    echo "export IMAGE_BUILD_AUTH_REGISTRY='$AUTH_REG'"
    echo "export IMAGE_BUILD_AUTH_USER='$AUTH_USER'"
    echo "export IMAGE_BUILD_AUTH_PASSWORD='$AUTH_PASSWORD'"
    echo "export IMAGE_BUILD_BASE_IMAGE='$OPEN_REG/$BASE_REPO'"
    echo "export IMAGE_BUILD_AUTH_BASE_IMAGE='$AUTH_REG/$BASE_REPO'"
    echo "export IMAGE_BUILD_CACHE_URL='http://127.0.0.1:$CACHE_PORT/'"
    echo "export IMAGE_BUILD_AZURITE_URL='http://127.0.0.1:$AZURITE_PORT'"
    echo "export IMAGE_BUILD_REGISTRY_LOG='$STACK/registry-open/access.log'"
    echo "export IMAGE_BUILD_AUTH_REGISTRY_LOG='$STACK/registry-auth/access.log'"
    echo "export IMAGE_BUILD_CACHE_SERVICE_LOG='$STACK/cache-service.log'"
    if [ "$ENGINE" != external ]; then
      # The open registry as a container on the engine's bridge reaches it (the engine lists it as insecure).
      echo "export IMAGE_BUILD_GATEWAY='$BRIDGE_IP'"
      echo "export IMAGE_BUILD_GATEWAY_REGISTRY='$BRIDGE_IP:$OPEN_PORT'"
    fi
  } >"$STACK/env.tmp" && mv "$STACK/env.tmp" "$STACK/env"
}

cmd_up() {
  local t0=$SECONDS
  mkdir -p "$STACK"
  if [ -s "$STACK/port-base" ] && [ "$(cat "$STACK/port-base")" != "$PORT_BASE" ] && alive dockerd; then
    fail "this stack runs on port base $(cat "$STACK/port-base"), not $PORT_BASE: run scripts/stack.sh down first"
  fi
  echo "$PORT_BASE" >"$STACK/port-base"
  ensure_apt_packages
  ensure_engine
  # From here on, `docker` is the one the env file names.
  if [ "$ENGINE" != external ]; then export DOCKER_HOST="unix://$SOCK" DOCKER_CONFIG="$CLIENT_CONFIG" PATH="$BIN:$PATH"; fi
  link_login_plugins "$STACK/docker-config" "$CLIENT_CONFIG"
  ensure_registries
  ensure_gateway
  ensure_base_image
  ensure_azurite
  ensure_cache_service
  write_env
  ensure_multi_platform   # QEMU handlers, base/busybox-multi:1, their env lines
  say "up in $((SECONDS - t0))s (engine: $ENGINE); env: . $STACK/env"
}
cmd_down() {
  local n
  for n in cache-service azurite gateway registry-auth registry-open dockerd containerd; do stop "$n"; done
  # The bridge is ours (created by `up`); drop it once our dockerd is gone.
  if ! alive dockerd && ip link show "$BRIDGE" >/dev/null 2>&1; then ip link delete "$BRIDGE" || true; fi
  say "down"
}
cmd_status() {
  local n
  for n in containerd dockerd registry-open registry-auth gateway azurite cache-service; do
    if alive "$n"; then printf '%-14s running (pid %s)\n' "$n" "$(cat "$STACK/$n.pid")"
    else printf '%-14s stopped\n' "$n"; fi
  done
  if [ -f "$STACK/env" ] && grep -q "IMAGE_BUILD_ENGINE='external'" "$STACK/env"; then echo "engine: external (not ours)"
  elif alive dockerd; then running_engine; echo "engine: Docker $ENGINE ($BIN), port base $PORT_BASE"; fi
  return 0
}
case "${1:-}" in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  env) [ -f "$STACK/env" ] || fail "no $STACK/env: run scripts/stack.sh up"; cat "$STACK/env" ;;
  *) echo "usage: $0 up|down|status|env" >&2; exit 2 ;;
esac
