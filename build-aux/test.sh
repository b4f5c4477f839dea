#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs the dependencies, then builds Redline twice and runs every test
# in both builds: once warning-free with -Dwerror=true, once under
# AddressSanitizer, UndefinedBehaviorSanitizer and LeakSanitizer; then the
# first build's tests again under valgrind. Benchmarks print their figures;
# last, each fuzz target runs for a minute. Usage:
# build-aux/test.sh [--no-benchmarks]
set -eu

cd "$(dirname "$0")/.."
build-aux/install-deps.sh

benchmarks=yes
[ "${1:-}" = "--no-benchmarks" ] && benchmarks=no

run_suite() {
    dir=$1
    setup=$2
    shift 2
    if [ ! -f "$dir/build.ninja" ]; then
        meson setup "$dir" "$@"
    else
        meson configure "$dir" "$@"
    fi
    meson compile -C "$dir"
    # UI tests need a display; run everything under a virtual X server.
    xvfb-run -a dbus-run-session -- meson test -C "$dir" ${setup:+--setup="$setup"} --print-errorlogs
}

run_suite _build-ci "" -Dwerror=true -Dbuildtype=debugoptimized
# AddressSanitizer and UndefinedBehaviorSanitizer, LeakSanitizer on
# (tests/lsan.supp holds GLib's process-lifetime allocations, nothing else).
run_suite _build-ci-asan asan -Dwerror=true -Db_sanitize=address,undefined -Db_lundef=false \
    -Dbuildtype=debug
# Memory errors inside GLib callbacks are invisible to ASan: valgrind too.
# The cli suite is left out: its work happens in redline-check child
# processes, which valgrind does not follow (the data suite runs the CLI
# itself under valgrind); so is docs, which runs only the shell, Python and
# gettext on the translations and man pages; so is install, a shell script
# around meson install and the desktop's own tools.
xvfb-run -a dbus-run-session -- meson test -C _build-ci --setup=valgrind --print-errorlogs \
    --no-suite cli --no-suite docs --no-suite install

if [ "$benchmarks" = yes ]; then
    xvfb-run -a dbus-run-session -- meson test -C _build-ci --benchmark --verbose
fi

# Every fuzz target for a minute from its seed corpus (clang, libFuzzer,
# AddressSanitizer and UndefinedBehaviorSanitizer); a crash fails the run.
FUZZ_SEED=1 build-aux/fuzz.sh 60
