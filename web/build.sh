#!/usr/bin/env bash
# Builds the browser version: web/build.sh OUT_DIR
#   OUT_DIR/index.html, decoded.js, decoded_bg.wasm, sw.js, manifest.webmanifest, icons:
#     the static site (any web server or school intranet; works offline after one visit);
#   OUT_DIR/decoded.html: the same app in ONE file (wasm and JS inlined), to open by
#     double-click from a USB stick or a shared drive, with no server.
# Installs what it needs the first time, from the registries: the wasm32 target (rustup),
# wasm-bindgen-cli at the version Cargo.lock pins (crates.io), a current wasm-opt (the npm
# package binaryen; Debian's binaryen 108 produced an invalid module). Later runs reuse them.
set -euo pipefail
OUT=${1:?usage: web/build.sh OUT_DIR}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
TOOLS=${DECODED_WEB_TOOLS:-$ROOT/target/web-tools}
BINARYEN_VERSION=${BINARYEN_VERSION:-132.0.0}
mkdir -p "$TOOLS"
export PATH="$TOOLS/cargo/bin:$TOOLS/npm/node_modules/.bin:$PATH"
cd "$ROOT"

rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown

WBG_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3 }' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WBG_VERSION\$"; then
  echo "web/build.sh: installing wasm-bindgen-cli $WBG_VERSION" >&2
  # --locked first; the registry mirror may lack a pinned dependency, then resolve afresh.
  nice -n 10 cargo install --root "$TOOLS/cargo" --locked --version "$WBG_VERSION" wasm-bindgen-cli \
    || nice -n 10 cargo install --root "$TOOLS/cargo" --version "$WBG_VERSION" wasm-bindgen-cli
fi
if [ "${DECODED_WEB_OPT:-1}" != 0 ] && [ ! -x "$TOOLS/npm/node_modules/.bin/wasm-opt" ]; then
  echo "web/build.sh: installing binaryen $BINARYEN_VERSION (wasm-opt) from npm" >&2
  npm install --silent --no-audit --no-fund --prefix "$TOOLS/npm" "binaryen@$BINARYEN_VERSION"
fi
WASM_OPT="$TOOLS/npm/node_modules/.bin/wasm-opt"

# DECODED_WEB_PROFILE: the cargo profile, `wasm-release` (small download, slow to build; the
# default, used for releases) or `wasm-ci` (the same code built quickly: what CI tests).
# DECODED_WEB_WASM: package a decoded-web.wasm built before (skips the cargo build).
PROFILE=${DECODED_WEB_PROFILE:-wasm-release}
WASM=${DECODED_WEB_WASM:-${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/$PROFILE/decoded-web.wasm}
if [ -z "${DECODED_WEB_WASM:-}" ]; then
  nice -n 10 cargo build --target wasm32-unknown-unknown --profile "$PROFILE" --features web --bin decoded-web
fi
STAGE="$ROOT/target/web-stage"
rm -rf "$STAGE" && mkdir -p "$STAGE"
wasm-bindgen --target web --no-typescript --out-dir "$STAGE" --out-name decoded "$WASM"
# The features rustc enables for wasm32 by default, and SIMD (.cargo/config.toml), so that
# wasm-opt keeps them.
# DECODED_WEB_OPT=0 skips wasm-opt (it takes many minutes on a busy 2-core machine).
if [ "${DECODED_WEB_OPT:-1}" != 0 ]; then
nice -n 10 "$WASM_OPT" -Oz --strip-debug --strip-producers \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
  --enable-reference-types --enable-multivalue --enable-simd \
  "$STAGE/decoded_bg.wasm" -o "$STAGE/decoded_bg.opt.wasm"
mv "$STAGE/decoded_bg.opt.wasm" "$STAGE/decoded_bg.wasm"
fi

VERSION=$(cat "$STAGE/decoded_bg.wasm" "$STAGE/decoded.js" web/index.html web/sw.js | sha256sum | cut -c1-12)
cp "$STAGE/decoded.js" "$STAGE/decoded_bg.wasm" web/index.html web/manifest.webmanifest "$OUT/"
sed "s/@VERSION@/$VERSION/" web/sw.js > "$OUT/sw.js"
for size in 128 256 512; do
  cp "assets/icons/hicolor/${size}x${size}/apps/propaganda-decoded.png" "$OUT/icon-$size.png"
done
python3 web/inline.py "$OUT/index.html" "$STAGE/decoded.js" "$STAGE/decoded_bg.wasm" "$OUT/icon-128.png" "$OUT/decoded.html"

gz() { gzip -9 -c "$1" | wc -c; }
echo "web/build.sh: $OUT (version $VERSION)"
printf '  %-18s %9s bytes  %9s gzip\n' decoded_bg.wasm "$(wc -c < "$OUT/decoded_bg.wasm")" "$(gz "$OUT/decoded_bg.wasm")"
printf '  %-18s %9s bytes  %9s gzip\n' decoded.js "$(wc -c < "$OUT/decoded.js")" "$(gz "$OUT/decoded.js")"
printf '  %-18s %9s bytes  %9s gzip\n' decoded.html "$(wc -c < "$OUT/decoded.html")" "$(gz "$OUT/decoded.html")"
# The download budget (issue #16: wasm + JS after gzip at most 3 MB), checked on the release
# build. Over it, the build still succeeds (a release is not held back) but says so loudly;
# README.md ("In a browser") has the measured figure.
transfer=$(( $(gz "$OUT/decoded_bg.wasm") + $(gz "$OUT/decoded.js") ))
echo "  wasm + JS transferred (gzip): $transfer bytes"
if [ "$PROFILE" = wasm-release ] && [ "$transfer" -gt 3000000 ]; then
  echo "web/build.sh: WARNING: wasm + JS is $transfer bytes after gzip, over the 3,000,000-byte budget" >&2
fi
