#!/bin/sh
# Minifies the tracker (cdp.js beside this file) into the file tracking-service serves, with the terser pinned in
# package-lock.json. The Maven build runs it in generate-resources; by hand: build.sh OUTPUT_FILE
# Its node_modules live in target/, so `mvn clean` removes them; `npm ci` runs again only when the lock file changed.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=$1
tools="$here/../../../target/tracker-build"

if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
  echo "error: tracking-service minifies its JS tracker with terser, which needs Node.js and npm." >&2
  echo "       Install them (on Debian: 'apt-get install nodejs npm') and build again." >&2
  exit 1
fi

mkdir -p "$tools"
if ! cmp -s "$here/package-lock.json" "$tools/package-lock.json" || [ ! -f "$tools/node_modules/terser/bin/terser" ]; then
  cp "$here/package.json" "$here/package-lock.json" "$tools/"
  npm ci --prefix "$tools" --prefer-offline --no-audit --no-fund --loglevel=error
fi

mkdir -p "$(dirname "$out")"
node "$tools/node_modules/terser/bin/terser" "$here/cdp.js" --compress passes=2 --mangle --ecma 2020 \
  --output "$out"
echo "tracker: $(wc -c < "$out") bytes minified, $(gzip -9c < "$out" | wc -c) bytes gzip -> $out"
