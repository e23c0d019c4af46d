#!/usr/bin/env bash
# Puts the bundled fonts into assets/fonts/ from Debian packages, with their licences
# (docs/layout.md §9): the Fandol fonts from texlive-lang-chinese (unpacked only, no TeX install)
# and Noto Serif CJK from fonts-noto-cjk as the fallback for characters Fandol lacks. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
dest=assets/fonts
mkdir -p "$dest"
fandol=(FandolSong-Regular.otf FandolSong-Bold.otf FandolFang-Regular.otf FandolHei-Regular.otf FandolKai-Regular.otf)
need=0
for f in "${fandol[@]}" NotoSerifCJK-Regular.ttc; do [ -s "$dest/$f" ] || need=1; done
[ "$need" = 1 ] || exit 0

if ! [ -s "$dest/FandolFang-Regular.otf" ]; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  (cd "$work" && { apt-get download texlive-lang-chinese >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get download texlive-lang-chinese; }; })
  dpkg -x "$work"/texlive-lang-chinese_*.deb "$work/x"
  src="$work/x/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol"
  for f in "${fandol[@]}"; do cp "$src/$f" "$dest/$f"; done
  readme=$(find "$work/x" -ipath '*fandol*' -iname 'README*' | head -n 1)
  {
    echo "Fandol fonts (FandolSong, FandolFang, FandolHei, FandolKai), from Debian's texlive-lang-chinese."
    echo "Licence: GNU General Public License v3 or later, with the font exception (see below)."
    echo
    [ -n "$readme" ] && cat "$readme"
    echo
    echo "Font exception (GNU's standard font exception, under which Fandol is distributed):"
    echo "As a special exception, if you create a document which uses this font, and embed this font or"
    echo "unaltered portions of this font into the document, this font does not by itself cause the resulting"
    echo "document to be covered by the GNU General Public License. This exception does not however invalidate"
    echo "any other reasons why the document might be covered by the GNU General Public License."
    echo
    echo "----- GNU General Public License, version 3 -----"
    cat /usr/share/common-licenses/GPL-3
  } > "$dest/LICENSE-Fandol.txt"
fi

if ! [ -s "$dest/NotoSerifCJK-Regular.ttc" ]; then
  noto=/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc
  if ! [ -s "$noto" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends fonts-noto-cjk >/dev/null
  fi
  cp "$noto" "$dest/NotoSerifCJK-Regular.ttc"
  {
    echo "Noto Serif CJK, from Debian's fonts-noto-cjk. Licence: SIL Open Font License 1.1."
    echo
    cat /usr/share/doc/fonts-noto-cjk/copyright 2>/dev/null || true
  } > "$dest/LICENSE-NotoCJK.txt"
fi
ls -l "$dest"
