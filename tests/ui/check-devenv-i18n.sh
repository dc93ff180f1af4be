#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# On a Chinese desktop (LANG=zh_CN.UTF-8) the app and the CLI run from the build tree
# through `meson devenv` speak Chinese, with nothing but the build's own catalogs.
#
#   check-devenv-i18n.sh BUILDDIR
#
# (The window itself, in Chinese, is in the screenshots tools/screenshots.sh takes the same way.)
set -u
build=$1
unset LANGUAGE LC_ALL LC_MESSAGES
export LANG=zh_CN.UTF-8

fail () { echo "not ok - $*"; exit 1; }
echo "1..3"

locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$' ||
  fail "the zh_CN.UTF-8 locale is missing (tools/run-example.sh generates it)"

out=$(meson devenv -C "$build" ziping-cli --help 2>&1)
case $out in
  *用法*) echo "ok 1 - ziping-cli --help is Chinese" ;;
  *) fail "ziping-cli --help is not Chinese: $(echo "$out" | head -1)" ;;
esac

# the app's own option, from the app's catalog (GLib's "用法" would come from GLib's)
out=$(meson devenv -C "$build" ziping --help 2>&1)
case $out in
  *显示版本并退出*) echo "ok 2 - ziping --help shows the app's own messages in Chinese" ;;
  *) fail "ziping --help does not show the app's messages in Chinese: $(echo "$out" | tail -1)" ;;
esac

# the app's icon (About, the window list) from the build tree's data folder
icon=$(meson devenv -C "$build" sh -c '
  IFS=:
  for dir in $XDG_DATA_DIRS; do
    f="$dir/icons/hicolor/scalable/apps/io.github.ziping.Ziping.svg"
    [ -f "$f" ] && { echo "$f"; break; }
  done')
case $icon in
  */data/icons/hicolor/*) ;;  # the source tree's, not an installed copy
  *) fail "the app icon is not found in the tree through meson devenv (found: ${icon:-none})" ;;
esac
echo "ok 3 - the app icon is found through meson devenv ($icon)"
