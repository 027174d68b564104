# The stack's own Docker Engine + Buildx, shared by scripts/stack.sh and
# scripts/remote-builder.sh. The caller sources lib.sh first and sets SHARED (the
# per-machine download folder, IMAGE_BUILD_STACK_HOME) and STACK (<repo>/.stack).
#
# Two engines, each unpacked from Debian packages into its own folder under $SHARED, so
# both can be installed (and run, from different clones) at once:
#   28  Debian testing: docker.io 28.5, containerd 2.1, docker-buildx 0.29 (the default;
#       what GitHub-hosted runners ship)
#   26  Debian 13 (trixie): docker.io 26.1, containerd 1.7, docker-buildx 0.13 (the floor)
ENGINE_PKGS=(docker.io docker-cli containerd docker-buildx runc)
ENGINE_VERSIONS="26 28"

engine_suite() { case "$1" in 26) echo trixie ;; 28) echo testing ;; esac; }
engine_home() { echo "$SHARED/docker-$1"; }
engine_buildx() { echo "$(engine_home "$1")/root/usr/libexec/docker/cli-plugins/docker-buildx"; }

# install_engine VERSION: download and unpack once per machine (apt with a private
# sources list, lists and cache: the system's apt setup is never touched; dpkg -x, no
# maintainer scripts), then one bin/ for PATH with docker, dockerd, containerd, its shim
# and ctr. runc is the packaged one only where it runs on this machine's C library
# (Debian testing's needs a newer glibc than Debian 12's); else the machine's runc
# (/usr/sbin/runc, from the apt packages of stack.sh) is found on PATH.
install_engine() {
  local v=$1 home suite
  home=$(engine_home "$v") suite=$(engine_suite "$v")
  [ -n "$suite" ] || fail "IMAGE_BUILD_ENGINE must be one of: $ENGINE_VERSIONS, external (not '$v')"
  [ -x "$home/bin/dockerd" ] && [ -x "$(engine_buildx "$v")" ] && return 0
  mkdir -p "$SHARED"
  # Two clones may install at once. fd 9 is closed again below: daemons started later
  # must not inherit (and so hold) the lock.
  exec 9>"$SHARED/.lock"; flock 9
  if [ -x "$home/bin/dockerd" ] && [ -x "$(engine_buildx "$v")" ]; then exec 9>&-; return 0; fi
  say "downloading Debian $suite ${ENGINE_PKGS[*]} into $home (once per machine)"
  local apt="$SHARED/apt-$suite" tmp="$home.tmp.$$" log="$STACK/engine-$v-apt.log" d
  mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial" "$tmp/debs" "$tmp/root"
  echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian $suite main" >"$apt/sources.list"
  local o=(-o Dir::Etc::SourceList="$apt/sources.list" -o Dir::Etc::SourceParts=/dev/null
    -o Dir::State::Lists="$apt/lists" -o Dir::Cache="$apt/cache" -o Dir::Etc::Preferences=/dev/null
    -o Dir::Etc::PreferencesParts=/dev/null -o APT::Sandbox::User=root)
  apt-get "${o[@]}" update >"$log" 2>&1 || fail "apt-get update ($suite) failed" "$log"
  (cd "$tmp/debs" && apt-get "${o[@]}" download "${ENGINE_PKGS[@]}") >>"$log" 2>&1 \
    || fail "apt-get download ($suite) failed" "$log"
  for d in "$tmp"/debs/*.deb; do dpkg -x "$d" "$tmp/root"; done
  mkdir -p "$tmp/bin"
  for d in usr/bin/docker usr/sbin/dockerd usr/sbin/docker-proxy usr/bin/containerd \
           usr/bin/containerd-shim-runc-v2 usr/bin/ctr; do ln -sf "$home/root/$d" "$tmp/bin/"; done
  if "$tmp/root/usr/sbin/runc" --version >/dev/null 2>&1; then ln -sf "$home/root/usr/sbin/runc" "$tmp/bin/"
  else say "the packaged runc does not run here (C library too old): using the machine's $(command -v runc || echo runc)"; fi
  ls "$tmp/debs" >"$tmp/VERSIONS" && rm -rf "$tmp/debs" "$apt"
  rm -rf "$home" && mv "$tmp" "$home"
  exec 9>&-
}

# The CLI looks for plugins first in $DOCKER_CONFIG/cli-plugins, then in system dirs.
# The stack's own client config (DOCKER_CONFIG in .stack/env) links the engine's Buildx,
# so each stack gets its own version whichever the system link names; the action's
# private config links cli-plugins from it. The system link (for a DOCKER_CONFIG that
# has no plugins) is set when missing or stale, and otherwise only by the default stack
# (port base 15000): another clone's stack on this machine may run the other engine.
PLUGIN_LINK=/usr/local/lib/docker/cli-plugins/docker-buildx
link_buildx_plugin() { # link_buildx_plugin BUILDX CLIENT_CONFIG_DIR PORT_BASE
  local target=$1
  mkdir -p "$2/cli-plugins" && ln -sfn "$target" "$2/cli-plugins/docker-buildx"
  if [ -e "$PLUGIN_LINK" ] && [ ! -L "$PLUGIN_LINK" ]; then return 0; fi   # not ours: never replaced
  [ "$(readlink "$PLUGIN_LINK" 2>/dev/null)" = "$target" ] && return 0
  [ -e "$PLUGIN_LINK" ] && [ "$3" != 15000 ] && return 0
  mkdir -p "$(dirname "$PLUGIN_LINK")" && ln -sfn "$target" "$PLUGIN_LINK"
}

# The stack's own logins (.stack/docker-config, never the user's) keep the Buildx the
# engine is used with: the stack's own (CLIENT_CONFIG_DIR), or the user's
# $DOCKER_CONFIG or ~/.docker/cli-plugins (where docker/setup-buildx-action and many
# laptops have it). A Buildx in a system folder is found whatever the config.
link_login_plugins() { # link_login_plugins LOGIN_CONFIG_DIR CLIENT_CONFIG_DIR
  local cfg=$1 plugins
  mkdir -p "$cfg"
  [ -L "$cfg/cli-plugins" ] || rm -rf "$cfg/cli-plugins"
  for plugins in "$2/cli-plugins" "${DOCKER_CONFIG:-$HOME/.docker}/cli-plugins"; do
    if [ -e "$plugins/docker-buildx" ]; then ln -sfn "$plugins" "$cfg/cli-plugins"; return 0; fi
  done
}

# containerd 2 reads config version 3 (CRI split into several plugins); 1.7 reads 2.
# start_containerd DIR SOCKET: containerd (no CRI) with its state under DIR, once.
start_containerd() {
  local dir=$1 sock=$2 major
  alive containerd && return 0
  mkdir -p "$dir/containerd"
  major=$(containerd --version | grep -o ' v\{0,1\}[0-9]\{1,\}\.' | head -n 1 | tr -dc 0-9)
  if [ "${major:-1}" -ge 2 ]; then
    cat >"$dir/containerd.toml" <<EOF
version = 3
root = "$dir/containerd/root"
state = "$dir/containerd/state"
disabled_plugins = ["io.containerd.grpc.v1.cri", "io.containerd.cri.v1.runtime", "io.containerd.cri.v1.images"]
[grpc]
  address = "$sock"
[plugins."io.containerd.internal.v1.opt"]
  path = "$dir/containerd/opt"
EOF
  else
    cat >"$dir/containerd.toml" <<EOF
version = 2
root = "$dir/containerd/root"
state = "$dir/containerd/state"
disabled_plugins = ["io.containerd.grpc.v1.cri"]
[grpc]
  address = "$sock"
[plugins."io.containerd.internal.v1.opt"]
  path = "$dir/containerd/opt"
EOF
  fi
  say "starting containerd"
  start containerd "$dir/containerd.log" containerd --config "$dir/containerd.toml"
  wait_for 30 containerd "$dir/containerd.log" ctr --address "$sock" version
}
