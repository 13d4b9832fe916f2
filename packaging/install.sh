#!/bin/sh
# Installs Propaganda Decoded from this unpacked archive, without root, into ~/.local
# (or into PREFIX: ./install.sh /usr/local, as root). ./install.sh --uninstall [PREFIX] removes
# exactly the files it installed. Saved progress (~/.local/share/propaganda-decoded/) is never touched.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
mode=install
if [ "${1:-}" = "--uninstall" ]; then mode=uninstall; shift; fi
prefix=${1:-"$HOME/.local"}
files="bin/decoded
share/applications/propaganda-decoded.desktop
share/man/man1/decoded.1.gz
share/man/man1/decoded-check.1.gz
share/man/man1/decoded-export.1.gz
share/bash-completion/completions/decoded
share/zsh/site-functions/_decoded
share/fish/vendor_completions.d/decoded.fish"
for size in 16 24 32 48 64 128 256 512; do
  files="$files
share/icons/hicolor/${size}x${size}/apps/propaganda-decoded.png"
done
if [ "$mode" = uninstall ]; then
  for f in $files; do rm -f "$prefix/$f"; done
  rm -rf "$prefix/share/doc/propaganda-decoded" "$prefix/share/propaganda-decoded"
  echo "Removed Propaganda Decoded from $prefix (your saved progress is kept)."
  exit 0
fi
install -Dm755 "$here/decoded" "$prefix/bin/decoded"
for f in $files; do
  case "$f" in bin/*) ;; *) install -Dm644 "$here/$f" "$prefix/$f" ;; esac
done
mkdir -p "$prefix/share/doc/propaganda-decoded" "$prefix/share/propaganda-decoded"
for f in README.md CHANGELOG.md LICENSE-MIT LICENSE-APACHE LICENSE-CONTENT NOTICE.md THIRD-PARTY-LICENSES.html; do
  install -m644 "$here/$f" "$prefix/share/doc/propaganda-decoded/$f"
done
rm -rf "$prefix/share/propaganda-decoded/example-pack"
cp -R "$here/example-pack" "$prefix/share/propaganda-decoded/example-pack"
# No cache updates: the entry has no MIME types, and desktops find icons in ~/.local without a
# cache (a user-level icon-theme.cache can hide icons installed later).
echo "Installed Propaganda Decoded into $prefix: run $prefix/bin/decoded, or find it in the menu under Education."
case ":$PATH:" in *":$prefix/bin:"*) ;; *) echo "Note: $prefix/bin is not on your PATH." ;; esac
