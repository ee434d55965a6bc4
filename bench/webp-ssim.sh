#!/usr/bin/env bash
# Bytes saved by WebP over JPEG at equal SSIM, on real photos from a Debian package (scikit-image's
# sample data: NASA's astronaut and Hubble photos, Chelsea the cat, a cup of coffee, a motorcycle,
# textures; public domain or CC0). Downloads the package with apt (nothing is installed), runs
# bench/WebpSsim.java with the program's own jars (build first: ./mvnw -q -DskipTests package).
# The figures of record are in docs/deploy.md, "Smaller images".
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d target/lib ] || ./mvnw -B -ntp -q -DskipTests package
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
(cd "$WORK" && apt-get download -q python3-skimage >/dev/null 2>&1) || { echo "apt-get download python3-skimage failed" >&2; exit 1; }
dpkg-deb -x "$WORK"/python3-skimage_*.deb "$WORK/x"
D="$WORK/x/usr/lib/python3/dist-packages/skimage/data"
PHOTOS=()
for f in astronaut.png chelsea.png coffee.png motorcycle_left.png hubble_deep_field.jpg rocket.jpg \
         brick.png grass.png gravel.png camera.png; do
  [ -f "$D/$f" ] && PHOTOS+=("$D/$f")
done
java -cp "target/classes:target/lib/*" bench/WebpSsim.java "${PHOTOS[@]}"
