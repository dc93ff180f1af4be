#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Install the build into a scratch DESTDIR and check that the result is a
# complete GNOME app: the programs start and answer --version without a
# display, and the desktop file, metainfo, MIME type, icons, schema,
# translations and examples land where the desktop expects them.
#
# Usage: test-install.sh MESON BUILD_ROOT SOURCE_ROOT PREFIX BINDIR DATADIR LOCALEDIR VERSION WITH_GUI

set -u
meson=$1 build_root=$2 source_root=$3 prefix=$4 bindir=$5 datadir=$6 localedir=$7
version=$8 with_gui=$9
app_id=io.github.ziping.Ziping

destdir=$(mktemp -d "${TMPDIR:-/tmp}/ziping-install.XXXXXX") || exit 1
trap 'rm -rf "$destdir"' EXIT
failures=0

fail () {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# Paths relative to the prefix are where meson puts them too.
under_prefix () {
  case $1 in
    /*) echo "$destdir$1" ;;
    *) echo "$destdir$prefix/$1" ;;
  esac
}

if ! "$meson" install -C "$build_root" --destdir "$destdir" --no-rebuild --quiet >"$destdir.log" 2>&1; then
  cat "$destdir.log" >&2
  rm -f "$destdir.log"
  echo "FAIL: meson install into $destdir failed" >&2
  exit 1
fi
rm -f "$destdir.log"

bin=$(under_prefix "$bindir")
share=$(under_prefix "$datadir")
locale=$(under_prefix "$localedir")

# --version must work on a headless machine (scripts, packaging checks).
check_version () {
  program=$bin/$1
  if [ ! -x "$program" ]; then
    fail "$1 was not installed to $bin"
    return
  fi
  output=$(env -u DISPLAY -u WAYLAND_DISPLAY "$program" --version 2>&1)
  status=$?
  if [ $status -ne 0 ]; then
    fail "$1 --version exited with $status without a display: $output"
  elif ! printf '%s\n' "$output" | grep -q -F "$version"; then
    fail "$1 --version printed \"$output\", which lacks the version $version"
  else
    echo "ok: $1 --version: $output"
  fi
}

check_version ziping-cli
if [ "$with_gui" = true ]; then
  check_version ziping
fi

check_file () {
  if [ -s "$1" ]; then
    echo "ok: installed ${1#$destdir}"
  else
    fail "${1#$destdir} is missing or empty"
  fi
}

if [ "$with_gui" = true ]; then
  check_file "$share/applications/$app_id.desktop"
  check_file "$share/metainfo/$app_id.metainfo.xml"
  check_file "$share/icons/hicolor/scalable/apps/$app_id.svg"
  check_file "$share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
  check_file "$share/glib-2.0/schemas/$app_id.gschema.xml"
  if ! grep -q -F 'GenericName[zh_CN]=绩效自评' "$share/applications/$app_id.desktop" 2>/dev/null; then
    fail "the installed desktop file has no Chinese GenericName"
  fi
  if ! grep -q 'xml:lang="zh_CN"' "$share/metainfo/$app_id.metainfo.xml" 2>/dev/null; then
    fail "the installed metainfo has no Chinese text"
  fi
fi
check_file "$share/mime/packages/$app_id.xml"
check_file "$locale/zh_CN/LC_MESSAGES/ziping.mo"

for example in "$source_root"/data/examples/*.ziping; do
  [ -e "$example" ] || continue
  check_file "$share/ziping/examples/$(basename "$example")"
done

if [ $failures -ne 0 ]; then
  echo "$failures installation check(s) failed" >&2
  exit 1
fi
