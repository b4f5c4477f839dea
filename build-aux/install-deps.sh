#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs what building and testing Redline needs on Debian 12.
set -eu

packages="
  appstream
  ca-certificates
  clang
  libclang-rt-14-dev
  dbus
  desktop-file-utils
  gettext
  poppler-utils
  git
  fonts-noto-cjk
  libadwaita-1-dev
  libglib2.0-bin
  libglib2.0-dev
  libglib2.0-dev-bin
  libjson-glib-dev
  liblunar-date-dev
  libsqlite3-dev
  libxml2-dev
  libgtk-4-dev
  libical-dev
  libqrencode-dev
  librsvg2-bin
  libxml2-utils
  meson
  ninja-build
  pkg-config
  python3
  ripgrep
  shared-mime-info
  valgrind
  xauth
  xvfb
  zbar-tools
"

missing=""
for p in $packages; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing
fi
