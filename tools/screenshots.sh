#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Screenshots of the app on the example workbook, under Xvfb: the form editor, the review
# page and the checks, light and dark, Chinese and English, into BUILDDIR/screenshots/;
# the ones the README and the AppStream data show are copied to data/screenshots/.
#
#   tools/screenshots.sh [BUILDDIR]      (default _build-gui)
#
# Needs xvfb-run, ImageMagick's import and the zh_CN.UTF-8 locale (tools/run-example.sh
# generates it). The app runs through `meson devenv`, with the translations compiled in
# the build tree, as tools/run-example.sh runs it.
set -eu

srcdir=$(cd "$(dirname "$0")/.." && pwd)
builddir=${1:-_build-gui}
case $builddir in /*) ;; *) builddir=$srcdir/$builddir ;; esac
app=$builddir/src/gui/ziping
example=$srcdir/data/examples/jiangan-2024.ziping
outdir=$builddir/screenshots
keepdir=$srcdir/data/screenshots

[ -x "$app" ] || { echo "screenshots: build $app first (ninja -C $builddir)" >&2; exit 1; }
mkdir -p "$outdir" "$keepdir"

# shot NAME LANGUAGE SCHEME VIEW [WIDTHxHEIGHT]
shot () {
  name=$1 lang=$2 scheme=$3 view=$4 size=${5:-1280x800}
  # the window fills the screen
  printf '[io/github/ziping/Ziping]\nwindow-width=%s\nwindow-height=%s\n' \
    "${size%x*}" "${size#*x}" > "$config/glib-2.0/settings/keyfile"
  xvfb-run -a -s "-screen 0 ${size}x24" sh -c '
    # a process group of its own: meson devenv waits for the app, both go at the end
    setsid meson devenv -C "$3" "$0" "$1" &
    pid=$!
    sleep 6
    import -window root "$2"
    kill -- -$pid
  ' "$app" "$example" "$outdir/$name.png" "$builddir" \
    >/dev/null 2>&1 || true
  echo "screenshots: $outdir/$name.png"
}

# A private settings file sizes the window to the screen; nothing of the user's is read.
config=$builddir/screenshot-config
mkdir -p "$config/glib-2.0/settings"

export GSK_RENDERER=cairo GSETTINGS_BACKEND=keyfile XDG_CONFIG_HOME="$config"
export GSETTINGS_SCHEMA_DIR="$builddir/data" GTK_A11Y=none NO_AT_BRIDGE=1
export XDG_STATE_HOME="$builddir/screenshot-state"
unset LC_ALL LC_MESSAGES LANGUAGE

for lang in zh_CN.UTF-8 C.UTF-8; do
  for scheme in light dark; do
    case $lang in zh*) short=zh ;; *) short=en ;; esac
    LANG=$lang ZIPING_COLOR_SCHEME=$scheme ZIPING_VIEW=form=1,indicators \
      shot "form-editor-$short-$scheme" "$lang" "$scheme" form=1
    LANG=$lang ZIPING_COLOR_SCHEME=$scheme ZIPING_VIEW=review \
      shot "review-$short-$scheme" "$lang" "$scheme" review
    LANG=$lang ZIPING_COLOR_SCHEME=$scheme ZIPING_VIEW=form=0,checks \
      shot "checks-$short-$scheme" "$lang" "$scheme" checks
  done
done

# The indicator table on the screens clerks have: a laptop with the checks open (below
# the form), a wider laptop (the checks beside it), a netbook (the checks below it).
if [ "${ZIPING_SCREENSHOT_SIZES:-1}" = 1 ]; then
  for lang in zh_CN.UTF-8 C.UTF-8; do
    case $lang in zh*) short=zh ;; *) short=en ;; esac
    LANG=$lang ZIPING_VIEW=form=1,indicators,checks \
      shot "table-$short-1280x800-checks" "$lang" light form=1 1280x800
    LANG=$lang ZIPING_VIEW=form=1,indicators shot "table-$short-1366x768" "$lang" light form=1 1366x768
    LANG=$lang ZIPING_VIEW=form=1,indicators,checks \
      shot "table-$short-1366x768-checks" "$lang" light form=1 1366x768
    LANG=$lang ZIPING_VIEW=form=1,indicators shot "table-$short-1024x600" "$lang" light form=1 1024x600
    LANG=$lang ZIPING_VIEW=form=1,indicators,checks \
      shot "table-$short-1024x600-checks" "$lang" light form=1 1024x600
  done
fi

for name in form-editor-zh-light form-editor-en-light form-editor-zh-dark review-zh-light review-en-light \
    table-zh-1280x800-checks table-en-1280x800-checks table-zh-1366x768 table-en-1024x600 \
    table-en-1366x768-checks table-zh-1024x600-checks; do
  cp "$outdir/$name.png" "$keepdir/$name.png"
done
echo "screenshots: kept $(ls "$keepdir" | wc -l) in $keepdir"
