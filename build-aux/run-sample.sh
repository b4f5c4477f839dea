#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs the dependencies, builds Redline and opens the app on the
# bundled sample project ("Lumi Café — autumn launch": a Weixin and a
# WeChat campaign). Without a display it says so and checks the sample
# project and copy from the command line instead.
set -eu

cd "$(dirname "$0")/.."
build-aux/install-deps.sh
[ -f _build/build.ninja ] || meson setup _build
meson compile -C _build

sample=_build/data/sample/lumi-cafe.redline

if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
    echo "== Opening Redline on “Lumi Café — autumn launch” ($sample)"
    # Uninstalled: the settings schema is in the build directory, the icons
    # in data/.
    GSETTINGS_SCHEMA_DIR="$PWD/_build/data${GSETTINGS_SCHEMA_DIR:+:$GSETTINGS_SCHEMA_DIR}" \
    XDG_DATA_DIRS="$PWD/data:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}" \
        exec _build/src/app/redline "$sample"
fi

echo "No display (neither DISPLAY nor WAYLAND_DISPLAY is set): the app cannot open here."
echo "Checking the sample from the command line instead; run this again in a desktop session"
echo "to open the app."
echo
echo "== Lumi Café — autumn launch (data/sample/lumi-cafe.json)"
_build/src/cli/redline-check "$sample" || true

for sample_text in data/sample/*.txt; do
    echo "== $sample_text"
    _build/src/cli/redline-check --ecosystem=both "$sample_text" || true
done
