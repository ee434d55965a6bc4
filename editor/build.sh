#!/bin/sh
# Rebuilds the editor's script, src/main/resources/public/editor.js, from editor/src with the versions
# locked in package-lock.json (node 20 and npm). Only needed when the editor changes: the bundle is
# committed, so building and running the site needs a JDK alone. The bundle's first line records the
# SHA-256 of the lock file and the sources it was built from; EditorBundleTest fails when they differ.
set -eu
cd "$(dirname "$0")"
npm ci --no-audit --no-fund --ignore-scripts >/dev/null
stamp=$(cat package-lock.json $(LC_ALL=C ls src/*.js) | sha256sum | cut -c1-64)
out=../src/main/resources/public/editor.js
banner="/* Wargeys article editor, built by editor/build.sh from sources ${stamp}. Bundles ProseMirror (prosemirror-model, -state, -view, -transform, -commands, -history, -keymap, -inputrules, -schema-list, -dropcursor, -gapcursor), orderedmap, rope-sequence and w3c-keyname: MIT licence, copyright (C) Marijn Haverbeke and others; see editor/LICENSES.txt. */"
./node_modules/.bin/esbuild src/main.js --bundle --minify --format=iife --target=es2020 \
  --legal-comments=none --charset=utf8 "--banner:js=${banner}" --outfile="$out" --log-level=warning
echo "editor.js: $(wc -c < "$out") bytes, $(gzip -9 -c "$out" | wc -c) gzipped"
