#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs the dependencies, builds Redline and runs it on the bundled
# sample project ("Lumi Café — autumn launch": a Weixin and a WeChat
# campaign) and on the sample copy, in Chinese and English.
set -eu

cd "$(dirname "$0")/.."
build-aux/install-deps.sh
[ -f _build/build.ninja ] || meson setup _build
meson compile -C _build

echo "== Lumi Café — autumn launch (data/sample/lumi-cafe.json)"
_build/src/cli/redline-check _build/data/sample/lumi-cafe.redline || true

for sample in data/sample/*.txt; do
    echo "== $sample"
    _build/src/cli/redline-check --ecosystem=both "$sample" || true
done
