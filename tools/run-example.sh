#!/usr/bin/env bash
# tools/run-example.sh — on a fresh Debian 12: install what Ziping needs, build it and open
# the app on the bundled example (the seed workbook), in the desktop's language. Runs as root
# or through sudo.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends \
  build-essential meson ninja-build pkg-config gettext \
  libgtk-4-dev libadwaita-1-dev libjson-glib-dev libxlsxwriter-dev \
  libglib2.0-bin desktop-file-utils appstream fonts-noto-cjk \
  libgsf-1-dev libxml2-dev locales

# A Chinese desktop's locale (LANG=zh_CN.UTF-8) has to exist for the Chinese UI.
if ! locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$'; then
  $SUDO sed -i 's/^# *\(zh_CN\.UTF-8 UTF-8\)/\1/' /etc/locale.gen
  $SUDO locale-gen
fi

# Configure once; later runs only rebuild what changed.
[ -f _build/build.ninja ] || meson setup _build
meson compile -C _build

# Through `meson devenv`, the app from the build tree finds its translations, settings
# schema and icons as an installed one would (LANG=zh_CN.UTF-8 shows the Chinese UI).
exec meson devenv -C _build -w "$PWD" ziping data/examples/jiangan-2024.ziping
