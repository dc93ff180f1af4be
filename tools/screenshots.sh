#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Screenshots of the app on the example workbook, under Xvfb: the form editor, the review
# page and the checks, light and dark, Chinese and English, into BUILDDIR/screenshots/;
# the ones the README and the AppStream data show are copied to data/screenshots/.
#
#   tools/screenshots.sh [BUILDDIR]      (default _build-gui)
#
# Needs xvfb-run and ImageMagick's import. Chinese needs po/zh_CN.po: its .mo is compiled
# into BUILDDIR/screenshot-locale and found through ZIPING_LOCALEDIR.
set -eu

srcdir=$(cd "$(dirname "$0")/.." && pwd)
builddir=${1:-_build-gui}
case $builddir in /*) ;; *) builddir=$srcdir/$builddir ;; esac
app=$builddir/src/gui/ziping
example=$srcdir/data/examples/jiangan-2024.ziping
outdir=$builddir/screenshots
keepdir=$srcdir/data/screenshots
localedir=$builddir/screenshot-locale

[ -x "$app" ] || { echo "screenshots: build $app first (ninja -C $builddir)" >&2; exit 1; }
mkdir -p "$outdir" "$keepdir"

if [ -f "$srcdir/po/zh_CN.po" ]; then
  mkdir -p "$localedir/zh_CN/LC_MESSAGES"
  msgfmt -o "$localedir/zh_CN/LC_MESSAGES/ziping.mo" "$srcdir/po/zh_CN.po"
fi

# shot NAME LANGUAGE SCHEME VIEW [WIDTHxHEIGHT]
shot () {
  name=$1 lang=$2 scheme=$3 view=$4 size=${5:-1280x800}
  xvfb-run -a -s "-screen 0 ${size}x24" sh -c '
    "$0" "$1" &
    pid=$!
    sleep 6
    import -window root "$2"
    kill $pid
  ' "$app" "$example" "$outdir/$name.png" \
    >/dev/null 2>&1 || true
  echo "screenshots: $outdir/$name.png"
}

# A private settings file sizes the window to the screen; nothing of the user's is read.
config=$builddir/screenshot-config
mkdir -p "$config/glib-2.0/settings"
printf '[io/github/ziping/Ziping]\nwindow-width=1280\nwindow-height=800\n' \
  > "$config/glib-2.0/settings/keyfile"

export GSK_RENDERER=cairo GSETTINGS_BACKEND=keyfile XDG_CONFIG_HOME="$config"
export GSETTINGS_SCHEMA_DIR="$builddir/data" GTK_A11Y=none NO_AT_BRIDGE=1
export ZIPING_LOCALEDIR="$localedir" XDG_STATE_HOME="$builddir/screenshot-state"
# LANGUAGE picks the translation; the locale only has to be a UTF-8 one that exists.
export LANG=C.UTF-8
unset LC_ALL LC_MESSAGES

for lang in zh_CN en; do
  for scheme in light dark; do
    short=$(echo "$lang" | cut -c1-2)
    LANGUAGE=$lang ZIPING_COLOR_SCHEME=$scheme ZIPING_VIEW=form=1,indicators \
      shot "form-editor-$short-$scheme" "$lang" "$scheme" form=1
    LANGUAGE=$lang ZIPING_COLOR_SCHEME=$scheme ZIPING_VIEW=review \
      shot "review-$short-$scheme" "$lang" "$scheme" review
    LANGUAGE=$lang ZIPING_COLOR_SCHEME=$scheme ZIPING_VIEW=form=0,checks \
      shot "checks-$short-$scheme" "$lang" "$scheme" checks
  done
done

for name in form-editor-zh-light form-editor-en-light form-editor-zh-dark review-zh-light review-en-light; do
  cp "$outdir/$name.png" "$keepdir/$name.png"
done
echo "screenshots: kept $(ls "$keepdir" | wc -l) in $keepdir"
