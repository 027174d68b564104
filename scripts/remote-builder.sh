#!/usr/bin/env bash
# A second Docker Engine for the remote-builder tests and docs: its own containerd and
# dockerd, on their own unix sockets under .stack/remote/, with the binaries of the
# stack's engine (the ones scripts/stack.sh installed, or with IMAGE_BUILD_ENGINE=external
# the machine's dockerd, containerd and ctr on PATH). It stands in for "a BuildKit somewhere else": the action
# reaches it only through a Docker context and a Buildx builder, never as the default.
#
#   scripts/remote-builder.sh up [--classic]   start it (idempotent); --classic: without
#                                              the containerd image store (a graphdriver
#                                              engine, whose docker driver cannot export a
#                                              cache); switching mode restarts it
#   scripts/remote-builder.sh down             stop what `up` started (PID files)
#   scripts/remote-builder.sh status
#   scripts/remote-builder.sh host             print its DOCKER_HOST (unix://…/docker.sock)
#
# Only unix sockets: no TCP port is opened. RUN steps get a host-only bridge of its own
# (no NAT, no forwarding), like the main stack's.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STACK="$ROOT/.stack"
DIR="$STACK/remote"
PID_DIR="$DIR" SAY_AS=remote-builder
# shellcheck source=scripts/stack/lib.sh
. "$ROOT/scripts/stack/lib.sh"
SHARED="${IMAGE_BUILD_STACK_HOME:-$HOME/.cache/image-build-stack}"
# shellcheck source=scripts/stack/engine.sh
. "$ROOT/scripts/stack/engine.sh"
SOCK="$DIR/docker.sock"
CSOCK="$DIR/containerd.sock"
# The same port base as the main stack, so its bridge and subnet are this clone's own.
stack_network "$(stack_port_base "$STACK")"
BRIDGE=$REMOTE_BRIDGE BRIDGE_IP=$REMOTE_BRIDGE_IP

docker_remote() { DOCKER_HOST="unix://$SOCK" docker "$@"; }

# The main stack's engine binaries onto PATH: its own engine's bin/ (a stack started
# before engines had versions: the old shared bin/), or the machine's for an external one.
engine_on_path() {
  local bin= c
  [ -f "$STACK/env" ] || fail "no $STACK/env: run scripts/stack.sh up first"
  if ! grep -q "IMAGE_BUILD_ENGINE='external'" "$STACK/env"; then
    bin=$(cat "$STACK/engine-bin" 2>/dev/null || echo "$SHARED/bin")
    [ -x "$bin/dockerd" ] || fail "no engine binaries in $bin: run scripts/stack.sh up first"
    export PATH="$bin:$PATH"
  fi
  for c in docker dockerd containerd containerd-shim-runc-v2 ctr runc; do
    command -v "$c" >/dev/null || fail "no $c on PATH: a second engine needs the Docker Engine's own binaries (dockerd, containerd, runc)"
  done
}

cmd_up() {
  local mode=containerd
  [ "${1:-}" = --classic ] && mode=classic
  engine_on_path
  mkdir -p "$DIR"
  [ ${#SOCK} -lt 100 ] || fail "socket path too long for unix sockets: $SOCK (move the clone)"
  if alive dockerd && [ "$(cat "$DIR/mode" 2>/dev/null)" != "$mode" ]; then
    say "switching to $mode mode"; stop dockerd
  fi
  start_containerd "$DIR" "$CSOCK"
  if ! alive dockerd; then
    host_bridge "$BRIDGE" "$BRIDGE_IP"
    # The main stack's probe result: overlay mounts work here (overlayfs / overlay2) or not.
    local snap storage features
    snap=$(cat "$STACK/snapshotter" 2>/dev/null || echo native)
    if [ "$mode" = containerd ]; then
      storage=$snap features='{ "containerd-snapshotter": true }'
    else
      storage=$([ "$snap" = overlayfs ] && echo overlay2 || echo vfs) features='{ "containerd-snapshotter": false }'
    fi
    mkdir -p "$DIR/docker-$mode" "$DIR/exec"
    cat >"$DIR/daemon.json" <<EOF
{ "features": $features,
  "storage-driver": "$storage",
  "containerd": "$CSOCK", "containerd-namespace": "remote", "containerd-plugins-namespace": "remote-plugins",
  "data-root": "$DIR/docker-$mode", "exec-root": "$DIR/exec",
  "pidfile": "$DIR/dockerd.own.pid", "hosts": ["unix://$SOCK"],
  "bridge": "$BRIDGE", "default-address-pools": [{"base": "$REMOTE_POOL", "size": 24}],
  "iptables": false, "ip6tables": false, "ip-forward": false,
  "ip-masq": false, "userland-proxy": false }
EOF
    rm -f "$DIR/dockerd.own.pid"
    say "starting dockerd ($mode, $storage)"
    start dockerd "$DIR/dockerd.log" dockerd --config-file "$DIR/daemon.json"
    echo "$mode" >"$DIR/mode"
    wait_for 60 dockerd "$DIR/dockerd.log" docker_remote info
  fi
  say "up ($mode): DOCKER_HOST=unix://$SOCK"
}
cmd_down() {
  stop dockerd; stop containerd
  if ! alive dockerd && ip link show "$BRIDGE" >/dev/null 2>&1; then ip link delete "$BRIDGE" || true; fi
  say "down"
}
cmd_status() {
  local n
  for n in containerd dockerd; do
    if alive "$n"; then printf '%-11s running (pid %s, %s)\n' "$n" "$(cat "$DIR/$n.pid")" "$(cat "$DIR/mode" 2>/dev/null)"
    else printf '%-11s stopped\n' "$n"; fi
  done
}
case "${1:-}" in
  up) shift; cmd_up "$@" ;;
  down) cmd_down ;;
  status) cmd_status ;;
  host) echo "unix://$SOCK" ;;
  *) echo "usage: $0 up [--classic]|down|status|host" >&2; exit 2 ;;
esac
