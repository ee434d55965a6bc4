#!/usr/bin/env bash
# The container image's base, built from Debian's own packages without a Docker daemon or a registry:
# Debian 12 with OpenJDK 17's headless runtime, CA certificates, curl (for the health check) and the
# DejaVu fonts (share cards), an unprivileged user `wargeys` (10001:10001) owning /data, and a Docker
# HEALTHCHECK that asks /healthz. Written as a `docker save` tarball, which Jib takes as its base
# (-Djib.from.image=tar://…; the `container` profile in pom.xml does by default) and whose health check
# the image inherits. Needs root (or mmdebstrap's unshare mode) and Debian's mirror.
# Usage: deploy/container/base-image.sh [OUT=target/container/base.tar] [SUITE=bookworm] [MIRROR]
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT="${1:-target/container/base.tar}"
SUITE="${2:-bookworm}"
MIRROR="${3:-http://deb.debian.org/debian}"
command -v mmdebstrap >/dev/null || { echo "base-image: needs mmdebstrap (apt-get install mmdebstrap)" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# Documentation, manual pages and translations are left out (a third of the size); java's
# update-alternatives still wants the man1 directory, so it is made before the packages install.
mmdebstrap --quiet --variant=apt \
  --include=openjdk-17-jre-headless,ca-certificates,curl,fonts-dejavu-core \
  --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-exclude=/usr/share/man/*' \
  --dpkgopt='path-exclude=/usr/share/locale/*' \
  --essential-hook='mkdir -p "$1/usr/share/man/man1"' \
  --customize-hook='chroot "$1" groupadd --system --gid 10001 wargeys' \
  --customize-hook='chroot "$1" useradd --system --uid 10001 --gid 10001 --home-dir /data --no-create-home --shell /usr/sbin/nologin wargeys' \
  --customize-hook='mkdir -p "$1/data" && chown 10001:10001 "$1/data" && chmod 0750 "$1/data"' \
  --customize-hook='rm -rf "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/* "$1"/var/log/*' \
  "$SUITE" "$work/layer.tar" "$MIRROR"

diff_id="sha256:$(sha256sum "$work/layer.tar" | cut -d' ' -f1)"
created="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
# Durations in the image config are nanoseconds.
cat > "$work/config.json" <<JSON
{"architecture":"amd64","os":"linux","created":"$created",
 "config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64","LANG=C.UTF-8"],
  "User":"10001:10001","WorkingDir":"/data",
  "Healthcheck":{"Test":["CMD","curl","-fsS","--max-time","2","-o","/dev/null","http://127.0.0.1:8080/healthz"],
   "Interval":30000000000,"Timeout":3000000000,"StartPeriod":60000000000,"Retries":3}},
 "rootfs":{"type":"layers","diff_ids":["$diff_id"]},
 "history":[{"created":"$created","created_by":"deploy/container/base-image.sh: mmdebstrap $SUITE, openjdk-17-jre-headless"}]}
JSON
echo '[{"Config":"config.json","RepoTags":["wargeys-base:'"$SUITE"'-jre17"],"Layers":["layer.tar"]}]' > "$work/manifest.json"
mkdir -p "$(dirname "$OUT")"
tar -C "$work" -cf "$OUT" manifest.json config.json layer.tar
echo "base-image: $OUT ($(du -h "$OUT" | cut -f1), layer $diff_id)"
