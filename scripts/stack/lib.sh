# Process helpers shared by scripts/stack.sh and scripts/remote-builder.sh. The caller
# sets PID_DIR (where PID files live; every command it starts names a path under it)
# and SAY_AS (the prefix of its messages).

say() { printf '%s: %s\n' "$SAY_AS" "$*" >&2; }
fail() { # fail MESSAGE [LOGFILE]: print the log's tail, exit non-zero
  say "ERROR: $1"
  if [ -n "${2:-}" ] && [ -f "$2" ]; then say "--- last lines of $2:"; tail -n 30 "$2" >&2; fi
  exit 1
}
# A PID file only counts if that PID still runs a command of ours: every command we
# start names a path under $PID_DIR, so a recycled PID is never taken for ours.
alive() {
  local pid; pid=$(cat "$PID_DIR/$1.pid" 2>/dev/null) || return 1
  [ -n "$pid" ] && { tr '\0' ' ' <"/proc/$pid/cmdline"; } 2>/dev/null | grep -qF "$PID_DIR"
}
# wait_for SECONDS NAME LOGFILE CMD...: poll CMD every 0.2 s until it succeeds; give
# up early when the process NAME (our PID file) has died.
wait_for() {
  local secs=$1 name=$2 log=$3; shift 3
  local end=$((SECONDS + secs))
  until "$@" >/dev/null 2>&1; do
    sleep 0.2
    alive "$name" || fail "$name exited while starting" "$log"
    [ $SECONDS -lt $end ] || fail "$name did not answer within ${secs}s" "$log"
  done
}
# start NAME LOGFILE CMD...: detached (own session, no stdin) so it outlives this shell.
start() {
  local name=$1 log=$2; shift 2
  setsid "$@" </dev/null >>"$log" 2>&1 &
  echo $! >"$PID_DIR/$name.pid"
}
# Our servers outlive `up`, so their parent is init, which may reap them late: a zombie
# counts as gone.
running() { [ -e "/proc/$1" ] && ! grep -q '^State:.*Z' "/proc/$1/status" 2>/dev/null; }
stop() { # stop NAME: TERM, wait up to 30 s, then KILL; only PIDs from our PID files
  alive "$1" || { rm -f "$PID_DIR/$1.pid"; return 0; }
  local pid _; pid=$(cat "$PID_DIR/$1.pid")
  say "stopping $1 (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 300); do running "$pid" || break; sleep 0.1; done
  if running "$pid"; then say "$1 still runs after 30s: KILL"; kill -KILL "$pid" 2>/dev/null || true; sleep 0.5; fi
  rm -f "$PID_DIR/$1.pid"
}

# host_bridge NAME IP: a host-only bridge for an engine's default network, once.
host_bridge() {
  ip link show "$1" >/dev/null 2>&1 && return 0
  { ip link add "$1" type bridge && ip addr add "$2/24" dev "$1" && ip link set "$1" up; } \
    || fail "could not create bridge $1"
}

# stack_network BASE: the addresses of the stack whose ports start at BASE (open registry
# BASE, htpasswd registry BASE+1, cache service BASE+2, Azurite BASE+3), so stacks of several clones can
# run side by side on one machine. Sets BRIDGE/BRIDGE_IP/POOL for the main engine and
# REMOTE_BRIDGE/REMOTE_BRIDGE_IP/REMOTE_POOL for scripts/remote-builder.sh. All are
# host-only: no route, NAT or forwarding ever leaves the machine. Base 15000 keeps the
# original names and subnets; bases 16000..23000 each get a /19 of 172.31.0.0/16 (main
# pool in its lower /20, remote-builder pool in its upper /20, each bridge on the last
# /24 of its pool).
stack_network() {
  local base=$1 slot o
  case "$base" in ''|*[!0-9]*) fail "IMAGE_BUILD_STACK_PORT_BASE must be a number (15000, 16000, ... 23000), not '$base'" ;; esac
  [ $((base % 1000)) -eq 0 ] && [ "$base" -ge 15000 ] && [ "$base" -le 23000 ] \
    || fail "IMAGE_BUILD_STACK_PORT_BASE must be one of 15000, 16000, ... 23000 (each stack takes four ports and its own bridge), not $base"
  slot=$(((base - 15000) / 1000))
  OPEN_PORT=$base AUTH_PORT=$((base + 1)) CACHE_PORT=$((base + 2)) AZURITE_PORT=$((base + 3))
  BRIDGE=ibstack$slot REMOTE_BRIDGE=ibremote$slot
  if [ "$slot" -eq 0 ]; then
    BRIDGE_IP=172.30.255.1 POOL=172.30.0.0/16
    REMOTE_BRIDGE_IP=172.29.255.1 REMOTE_POOL=172.29.0.0/16
  else
    o=$(((slot - 1) * 32))
    BRIDGE_IP=172.31.$((o + 15)).1 POOL=172.31.$o.0/20
    REMOTE_BRIDGE_IP=172.31.$((o + 31)).1 REMOTE_POOL=172.31.$((o + 16)).0/20
  fi
}
# stack_port_base STACKDIR: IMAGE_BUILD_STACK_PORT_BASE, else the base this stack was
# brought up with (so `down` and the remote builder find the same bridge), else 15000.
stack_port_base() {
  if [ -n "${IMAGE_BUILD_STACK_PORT_BASE:-}" ]; then echo "$IMAGE_BUILD_STACK_PORT_BASE"
  elif [ -s "$1/port-base" ]; then cat "$1/port-base"
  else echo 15000; fi
}
