#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs the dependencies, builds Redline and runs it on the bundled
# sample copy, in Chinese and English, for both ecosystems.
set -eu

cd "$(dirname "$0")/.."
build-aux/install-deps.sh
[ -f _build/build.ninja ] || meson setup _build
meson compile -C _build

for sample in data/samples/*.txt; do
    echo "== $sample"
    _build/src/cli/redline-check --ecosystem=both "$sample" || true
done
