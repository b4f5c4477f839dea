#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs the dependencies, then builds Redline twice and runs every test
# in both builds: once warning-free with -Dwerror=true, once under
# AddressSanitizer and UndefinedBehaviorSanitizer. Benchmarks print their
# figures at the end. Usage: build-aux/test.sh [--no-benchmarks]
set -eu

cd "$(dirname "$0")/.."
build-aux/install-deps.sh

benchmarks=yes
[ "${1:-}" = "--no-benchmarks" ] && benchmarks=no

run_suite() {
    dir=$1
    shift
    if [ ! -f "$dir/build.ninja" ]; then
        meson setup "$dir" "$@"
    else
        meson configure "$dir" "$@"
    fi
    meson compile -C "$dir"
    # UI tests need a display; run everything under a virtual X server.
    xvfb-run -a dbus-run-session -- meson test -C "$dir" --print-errorlogs
}

run_suite _build-ci -Dwerror=true -Dbuildtype=debugoptimized
# GLib's type system and test framework keep allocations for the life of the
# process, so leak reports are noise here; every other ASan check stays on.
ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
run_suite _build-ci-asan -Dwerror=true -Db_sanitize=address,undefined -Db_lundef=false \
    -Dbuildtype=debug

if [ "$benchmarks" = yes ]; then
    meson test -C _build-ci --benchmark --verbose
fi
