#!/usr/bin/env bash
# Builds the container image (the Debian base from base-image.sh if missing, then Jib's tarball) and
# runs it the way a container runtime would, without one: its layers unpacked in order into a root
# file system, its entrypoint and command started from its own config, as its own user, in its own
# working directory, with its own environment. Then checks what an operator relies on: the user is
# not root and owns what it writes on /data, /healthz and /readyz answer, the image's HEALTHCHECK
# command passes, the newsroom's sign-in page is served, and SIGTERM stops it cleanly.
# Needs root (chroot, a /proc mount), jq and curl. Usage: deploy/container/test-image.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
for tool in jq curl chroot; do command -v "$tool" >/dev/null || { echo "test-image: needs $tool" >&2; exit 2; }; done
[ "$(id -u)" = 0 ] || { echo "test-image: needs root (chroot)" >&2; exit 2; }

[ -f target/container/base.tar ] || bash deploy/container/base-image.sh
./mvnw -B -ntp -q -Pcontainer -DskipTests package jib:buildTar

work="$(mktemp -d)"
root="$work/rootfs"
pid=""
cleanup() {
  [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null || true
  umount "$root/proc" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$root" "$work/image"
tar -C "$work/image" -xf target/jib-image.tar
config="$work/image/$(jq -r '.[0].Config' "$work/image/manifest.json")"
for layer in $(jq -r '.[0].Layers[]' "$work/image/manifest.json"); do
  case "$layer" in
    *.gz) tar --warning=no-unknown-keyword -C "$root" -xzf "$work/image/$layer" ;;
    *) tar --warning=no-unknown-keyword -C "$root" -xf "$work/image/$layer" ;;
  esac
done

fail() { echo "test-image: FAILED: $*" >&2; [ -f "$work/out.log" ] && tail -40 "$work/out.log" >&2; exit 1; }
user="$(jq -r '.config.User' "$config")"
[ -n "$user" ] && [ "${user%%:*}" != 0 ] && [ "$user" != root ] || fail "the image runs as root ($user)"
jq -e '.config.Volumes["/data"]' "$config" >/dev/null || fail "no /data volume"
jq -e '.config.ExposedPorts["8080/tcp"]' "$config" >/dev/null || fail "port 8080 not exposed"
jq -e '.config.Healthcheck.Test[0] == "CMD"' "$config" >/dev/null || fail "no HEALTHCHECK"
if curl -s -o /dev/null --max-time 1 http://127.0.0.1:8080/; then fail "port 8080 is taken on this machine"; fi

mount -t proc proc "$root/proc" 2>/dev/null || mount --bind /proc "$root/proc"
mapfile -t env < <(jq -r '.config.Env[]' "$config")
mapfile -t command < <(jq -r '(.config.Entrypoint // []) + (.config.Cmd // []) | .[]' "$config")
workdir="$(jq -r '.config.WorkingDir // "/"' "$config")"
chroot --userspec="$user" "$root" /usr/bin/env -i "${env[@]}" /usr/bin/env -C "$workdir" "${command[@]}" \
  > "$work/out.log" 2>&1 &
pid=$!

for _ in $(seq 1 120); do
  curl -fs -o /dev/null --max-time 2 http://127.0.0.1:8080/healthz && break
  kill -0 "$pid" 2>/dev/null || fail "the program exited"
  sleep 1
done
curl -fs -o /dev/null --max-time 2 http://127.0.0.1:8080/healthz || fail "/healthz never answered"
curl -fs -o /dev/null --max-time 2 http://127.0.0.1:8080/readyz || fail "/readyz is not ready"
mapfile -t check < <(jq -r '.config.Healthcheck.Test[1:][]' "$config")
chroot --userspec="$user" "$root" /usr/bin/env -i "${env[@]}" "${check[@]}" || fail "the image's HEALTHCHECK fails"
signin="$(curl -fs --max-time 5 http://127.0.0.1:8080/admin/login)" || fail "no sign-in page"
grep -q 'name="password"' <<<"$signin" || fail "the sign-in page has no password field"
owner="$(stat -c %u "$root/data/wargeys.db" 2>/dev/null || true)"
[ "$owner" = "${user%%:*}" ] || fail "the database on /data is owned by '${owner:-nobody}', not ${user%%:*} ($(ls -ln "$root/data"))"

kill -TERM "$pid"
for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
kill -0 "$pid" 2>/dev/null && fail "still running 30 s after SIGTERM"
status=0; wait "$pid" || status=$?
pid=""
[ "$status" = 0 ] || [ "$status" = 143 ] || fail "exit status $status after SIGTERM"
echo "test-image: ok — $(du -h target/jib-image.tar | cut -f1) image, user $user, /data owned by it, healthy, stopped cleanly"
