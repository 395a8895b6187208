#!/usr/bin/env bash
# Gets a Debian machine ready for Stagecraft's engine tests, without any registry:
#   - installs docker.io, busybox-static and debootstrap if missing (apt-get, as root);
#   - starts dockerd in the background (log: /tmp/dockerd.log) if no engine answers, and waits for it;
#   - makes the local base images the tests build on, each skipped if present:
#       stagecraft-test/busybox          a busybox-static rootfs, docker import
#       stagecraft-test/debian:bookworm  debootstrap --variant=minbase, docker import
# Idempotent: run it as often as you like. Usage: scripts/test-engine.sh
# IMAGE_PREFIX (default stagecraft-test) names the images, e.g. to try the script without touching the
# images the tests use: IMAGE_PREFIX=scratch-try scripts/test-engine.sh
set -euo pipefail
prefix=${IMAGE_PREFIX:-stagecraft-test}

docker_cli=/usr/bin/docker   # Debian's 20.10 client; the one first on PATH may lack buildx
log() { echo "test-engine: $*" >&2; }

missing=()
command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
# the image needs the static build: Debian's plain busybox package is dynamically linked
dpkg-query -W -f='${Status}' busybox-static 2>/dev/null | grep -q 'install ok installed' || missing+=(busybox-static)
command -v debootstrap >/dev/null 2>&1 || missing+=(debootstrap)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi
[ -x "$docker_cli" ] || docker_cli=$(command -v docker)

if ! "$docker_cli" version >/dev/null 2>&1; then
  log "starting dockerd (log in /tmp/dockerd.log)"
  (dockerd >>/tmp/dockerd.log 2>&1 &)
  for _ in $(seq 1 60); do
    "$docker_cli" version >/dev/null 2>&1 && break
    sleep 1
  done
  "$docker_cli" version >/dev/null 2>&1 || { log "dockerd did not answer within 60 s:"; tail -20 /tmp/dockerd.log >&2; exit 1; }
fi
log "engine: $("$docker_cli" version --format '{{.Server.Version}} (API {{.Server.APIVersion}})')"

have_image() { "$docker_cli" image inspect "$1" >/dev/null 2>&1; }

if ! have_image "$prefix/busybox"; then
  log "making $prefix/busybox"
  root=$(mktemp -d)
  mkdir -p "$root/bin" "$root/tmp" "$root/etc"
  cp /bin/busybox "$root/bin/busybox"
  for applet in $(/bin/busybox --list); do
    [ "$applet" = busybox ] || ln -sf busybox "$root/bin/$applet"
  done
  echo 'root:x:0:0:root:/root:/bin/sh' > "$root/etc/passwd"
  echo 'root:x:0:' > "$root/etc/group"
  tar -C "$root" -c . | "$docker_cli" import -c 'ENV PATH=/bin' -c 'CMD ["/bin/sh"]' - "$prefix/busybox" >/dev/null
  rm -rf "$root"
fi

if ! have_image "$prefix/debian:bookworm"; then
  # the machine's own Debian mirror (deb822 sources first, then one-line sources)
  mirror=""
  if ls /etc/apt/sources.list.d/*.sources >/dev/null 2>&1; then
    mirror=$(awk '/^URIs:/ && $2 ~ /debian\/?$/ && $2 !~ /security/ {print $2; exit}' /etc/apt/sources.list.d/*.sources)
  fi
  if [ -z "$mirror" ]; then
    mirror=$(grep -hE '^deb .*debian/? +bookworm +main' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null \
      | awk '{print $2; exit}' || true)
  fi
  mirror=${mirror:-http://deb.debian.org/debian}
  log "making $prefix/debian:bookworm with debootstrap from $mirror (a few minutes)"
  root=$(mktemp -d)
  debootstrap --variant=minbase bookworm "$root" "$mirror" >/tmp/debootstrap.log 2>&1 \
    || { log "debootstrap failed:"; tail -20 /tmp/debootstrap.log >&2; exit 1; }
  # the image's apt uses the same mirror the machine reaches
  echo "deb $mirror bookworm main" > "$root/etc/apt/sources.list"
  tar -C "$root" -c . | "$docker_cli" import -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    -c 'CMD ["bash"]' - "$prefix/debian:bookworm" >/dev/null
  rm -rf "$root"
fi
log "ready: $prefix/busybox, $prefix/debian:bookworm"
