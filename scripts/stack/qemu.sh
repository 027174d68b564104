# Multi-platform part of the local stack, sourced by scripts/stack.sh:
#   - QEMU user emulation for arm64 and arm/v7 RUN steps (binfmt_misc handlers with the
#     fix-binary flag, so a RUN inside a container finds its interpreter without it
#     being in the image);
#   - a multi-arch base image (busybox for linux/amd64, linux/arm64, linux/arm/v7 as one
#     OCI index) in both registries.
# It reads what stack.sh set: STACK, SHARED, OPEN_REG, AUTH_REG, AUTH_USER, AUTH_PASSWORD
# and the helpers of lib.sh (say, fail). Nothing here starts or stops a server.

MULTI_BASE_REPO=base/busybox-multi:1
QEMU_PKGS=(qemu-user-static binfmt-support)
# Debian architecture : OCI platform. Each gets a busybox-static package of one version.
MULTI_ARCHES=(amd64:linux/amd64 arm64:linux/arm64 armhf:linux/arm/v7)
BINFMT=/proc/sys/fs/binfmt_misc
DEBIAN_KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg
QEMU_HANDLERS=(qemu-aarch64 qemu-arm)

# A handler counts if it is enabled and loaded with F: without the fix-binary flag the
# kernel looks for the interpreter inside the container's root, where it is not.
binfmt_handler_ok() {
  [ -r "$BINFMT/$1" ] && grep -qx enabled "$BINFMT/$1" && grep -q '^flags:.*F' "$BINFMT/$1"
}
qemu_handlers_ok() {
  local h; for h in "${QEMU_HANDLERS[@]}"; do binfmt_handler_ok "$h" || return 1; done
}

# Register HANDLER from the line Debian's qemu-user-static ships for systemd-binfmt
# (/usr/lib/binfmt.d/HANDLER.conf), with F added: binfmt-support's own registration
# depends on the package's defaults, ours must not.
register_binfmt() {
  local h=$1 conf="/usr/lib/binfmt.d/$1.conf" line
  [ -f "$conf" ] || { say "warning: $conf missing: $h not registered"; return 1; }
  line=$(grep -v '^#' "$conf" | grep -m1 ":$h:") || return 1
  case "${line##*:}" in *F*) ;; *) line="${line}F" ;; esac
  [ -e "$BINFMT/$h" ] && echo -1 >"$BINFMT/$h"   # replace a handler without F
  printf '%s' "$line" >"$BINFMT/register"
}

# QEMU for foreign-architecture RUN steps. Handlers already there (a GitHub runner after
# docker/setup-qemu-action) are used as they are. A machine that cannot register them
# (no privilege to mount binfmt_misc) still gets the rest of the stack: the
# multi-platform tests skip there and say why.
ensure_qemu() {
  if qemu_handlers_ok; then return 0; fi
  if [ ! -e "$BINFMT/status" ]; then
    mount -t binfmt_misc binfmt_misc "$BINFMT" 2>/dev/null \
      || { say "warning: cannot mount binfmt_misc: no QEMU emulation (multi-platform RUN steps will not run)"; return 0; }
  fi
  local missing=() p h
  for p in "${QEMU_PKGS[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed' || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ] && ! command -v apt-get >/dev/null; then
    say "warning: no apt-get to install ${missing[*]}: register QEMU's binfmt handlers (with the F flag) yourself"; return 0
  fi
  if [ ${#missing[@]} -gt 0 ]; then
    say "apt-get install ${missing[*]}"
    apt-get update -qq >"$STACK/apt-qemu.log" 2>&1 || fail "apt-get update failed" "$STACK/apt-qemu.log"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" \
      >>"$STACK/apt-qemu.log" 2>&1 || fail "apt-get install ${missing[*]} failed" "$STACK/apt-qemu.log"
  fi
  for h in "${QEMU_HANDLERS[@]}"; do
    binfmt_handler_ok "$h" || register_binfmt "$h" 2>>"$STACK/apt-qemu.log" \
      || say "warning: could not register $h (see $STACK/apt-qemu.log)"
  done
  qemu_handlers_ok && say "QEMU registered: ${QEMU_HANDLERS[*]}"
  return 0
}

# busybox-static .debs of every architecture, from the system's own Debian release,
# through a private apt folder (the system's apt setup is never touched); kept in
# $SHARED across clones. Prints the folder holding one <arch>.deb per architecture.
fetch_multi_busybox() {
  local dir="$SHARED/busybox-multi" a arches=() specs=()
  for a in "${MULTI_ARCHES[@]}"; do arches+=("${a%%:*}"); specs+=("busybox-static:${a%%:*}"); done
  local have=1; for a in "${arches[@]}"; do [ -s "$dir/$a.deb" ] || have=0; done
  [ $have = 1 ] && { echo "$dir"; return 0; }
  mkdir -p "$SHARED"
  exec 8>"$SHARED/.lock-busybox"; flock 8   # two clones may fetch at once
  have=1; for a in "${arches[@]}"; do [ -s "$dir/$a.deb" ] || have=0; done
  [ $have = 1 ] && { exec 8>&-; echo "$dir"; return 0; }
  local apt="$SHARED/apt-busybox" tmp="$SHARED/tmp-busybox.$$" log="$STACK/busybox-apt.log"
  # The system's own Debian release; elsewhere (an Ubuntu runner with its own Docker) Debian 12.
  local suite; suite=$(. /etc/os-release && if [ "${ID:-}" = debian ]; then echo "${VERSION_CODENAME:-bookworm}"; else echo bookworm; fi)
  mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial" "$tmp"
  echo "deb [signed-by=$DEBIAN_KEYRING] http://deb.debian.org/debian $suite main" >"$apt/sources.list"
  local o=(-o Dir::Etc::SourceList="$apt/sources.list" -o Dir::Etc::SourceParts=/dev/null
    -o Dir::State::Lists="$apt/lists" -o Dir::Cache="$apt/cache" -o Dir::Etc::Preferences=/dev/null
    -o Dir::Etc::PreferencesParts=/dev/null -o APT::Sandbox::User=root
    -o APT::Architectures="$(IFS=,; echo "${arches[*]}")")
  apt-get "${o[@]}" update >"$log" 2>&1 || fail "apt-get update (busybox, ${arches[*]}) failed" "$log"
  (cd "$tmp" && apt-get "${o[@]}" download "${specs[@]}") >>"$log" 2>&1 \
    || fail "apt-get download ${specs[*]} failed" "$log"
  mkdir -p "$dir"
  for a in "${arches[@]}"; do mv "$tmp"/busybox-static_*_"$a".deb "$dir/$a.deb"; done
  rm -rf "$tmp" "$apt"
  exec 8>&-
  echo "$dir"
}

# One platform's image: the package's busybox, the applet links (the amd64 build lists
# them: same version and configuration on every architecture), passwd and group.
import_busybox_platform() { # DEB PLATFORM APPLETS_BIN TAG
  local deb=$1 platform=$2 lister=$3 tag=$4 t="$STACK/multi-rootfs" x="$STACK/multi-deb" a
  rm -rf "$t" "$x" && mkdir -p "$t"/{bin,sbin,usr/bin,usr/sbin,etc,tmp,root,proc,sys,dev,var} "$x"
  chmod 1777 "$t/tmp"
  dpkg -x "$deb" "$x" && cp "$x/bin/busybox" "$t/bin/busybox"
  for a in $("$lister" --list-full); do [ -e "$t/$a" ] || ln -s /bin/busybox "$t/$a"; done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' >"$t/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' >"$t/etc/group"
  tar -C "$t" --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -c . \
    | docker import --platform "$platform" --change 'ENV PATH=/usr/sbin:/usr/bin:/sbin:/bin' \
        --change 'CMD ["/bin/sh"]' - "$tag" >/dev/null || fail "docker import --platform $platform failed"
  rm -rf "$t" "$x"
}

# base/busybox-multi:1 in both registries: one image per platform (tag 1-<arch>), joined
# into an index by `buildx imagetools create`.
ensure_multi_base_image() {
  local accept='application/vnd.oci.image.index.v1+json,application/vnd.docker.distribution.manifest.list.v2+json'
  local repo=${MULTI_BASE_REPO%:*} tag=${MULTI_BASE_REPO#*:} need=() r
  curl -sf -o /dev/null -H "Accept: $accept" "http://$OPEN_REG/v2/$repo/manifests/$tag" || need+=("$OPEN_REG")
  curl -sf -o /dev/null -u "$AUTH_USER:$AUTH_PASSWORD" -H "Accept: $accept" \
    "http://$AUTH_REG/v2/$repo/manifests/$tag" || need+=("$AUTH_REG")
  [ ${#need[@]} -eq 0 ] && return 0
  say "building multi-arch base image $MULTI_BASE_REPO (${MULTI_ARCHES[*]})"
  local debs lister x="$STACK/multi-lister" cfg="$STACK/docker-config" a arch platform parts
  debs=$(fetch_multi_busybox)
  rm -rf "$x" && mkdir -p "$x" && dpkg -x "$debs/amd64.deb" "$x" && lister="$x/bin/busybox"
  for a in "${MULTI_ARCHES[@]}"; do
    arch=${a%%:*} platform=${a#*:}
    import_busybox_platform "$debs/$arch.deb" "$platform" "$lister" "$OPEN_REG/$repo:$tag-$arch"
  done
  rm -rf "$x"
  for r in "${need[@]}"; do
    [ "$r" = "$AUTH_REG" ] && echo "$AUTH_PASSWORD" | DOCKER_CONFIG="$cfg" docker login -u "$AUTH_USER" --password-stdin "$r" >/dev/null 2>&1
    parts=()
    for a in "${MULTI_ARCHES[@]}"; do
      arch=${a%%:*}
      [ "$r" = "$OPEN_REG" ] || docker tag "$OPEN_REG/$repo:$tag-$arch" "$r/$repo:$tag-$arch"
      DOCKER_CONFIG="$cfg" docker push -q "$r/$repo:$tag-$arch" >/dev/null \
        || fail "push of $r/$repo:$tag-$arch failed"
      parts+=("$r/$repo:$tag-$arch")
    done
    DOCKER_CONFIG="$cfg" docker buildx imagetools create -t "$r/$MULTI_BASE_REPO" "${parts[@]}" \
      >"$STACK/imagetools.log" 2>&1 || fail "imagetools create $r/$MULTI_BASE_REPO failed" "$STACK/imagetools.log"
  done
}

multi_platform_env() {
  echo "export IMAGE_BUILD_MULTI_BASE_IMAGE='$OPEN_REG/$MULTI_BASE_REPO'"
  echo "export IMAGE_BUILD_AUTH_MULTI_BASE_IMAGE='$AUTH_REG/$MULTI_BASE_REPO'"
}

# The one call from cmd_up, after write_env: QEMU, the base image, their env lines
# (the env file is replaced whole, so a reader never sees half of it).
ensure_multi_platform() {
  ensure_qemu
  if [ ! -f "$DEBIAN_KEYRING" ] || ! command -v apt-get >/dev/null; then
    say "warning: no apt-get or no $DEBIAN_KEYRING: no $MULTI_BASE_REPO (the multi-platform tests skip)"
    return 0
  fi
  ensure_multi_base_image
  grep -q IMAGE_BUILD_MULTI_BASE_IMAGE "$STACK/env" 2>/dev/null && return 0
  { cat "$STACK/env"; multi_platform_env; } >"$STACK/env.tmp" && mv "$STACK/env.tmp" "$STACK/env"
}
