#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds the fuzz targets with clang and libFuzzer (AddressSanitizer and
# UndefinedBehaviorSanitizer on) and runs each for SECONDS (default 60),
# starting from the seed corpora in tests/fuzz/. A crash leaves its input in
# _build-fuzz/crashes/ and makes this script fail: add that input to the
# target's seed corpus, so `meson test` replays it from then on.
#
# FUZZ_SEED fixes libFuzzer's random seed (CI sets it, so that a run can be
# repeated).
#
# Usage: build-aux/fuzz.sh [SECONDS] [TARGET...]
set -eu

cd "$(dirname "$0")/.."
seconds=${1:-60}
[ $# -gt 0 ] && shift
targets=${*:-fuzz-check fuzz-csv fuzz-project-open fuzz-project-rows fuzz-rule-pack}
build=_build-fuzz

if ! command -v clang >/dev/null 2>&1; then
    echo "fuzz.sh: libFuzzer needs clang: apt-get install clang libclang-rt-14-dev" >&2
    exit 2
fi

if [ ! -f "$build/build.ninja" ]; then
    CC=clang meson setup "$build" -Dfuzzing=true -Db_sanitize=address,undefined \
        -Db_lundef=false -Dbuildtype=debugoptimized
fi
meson compile -C "$build"

# The project seed is the sample project with 512-byte pages (VACUUMed), so
# it fits in -max_len and mutations land in every table.
seeds_for() {
    case "$1" in
        fuzz-check) echo tests/fuzz/corpus/check ;;
        fuzz-csv) echo tests/fuzz/corpus/csv ;;
        fuzz-project-open) echo tests/fuzz/corpus/project-open ;;
        fuzz-project-rows) echo tests/fuzz/corpus/project-rows ;;
        fuzz-rule-pack) echo data/rules tests/data/extra-pack.xml tests/data/failing-example.xml ;;
    esac
}

mkdir -p "$build/crashes"
status=0
for target in $targets; do
    corpus="$build/corpus/$target"
    mkdir -p "$corpus"
    for seed in $(seeds_for "$target"); do
        # The files of a seed folder, not its subfolders (data/rules/lexicons).
        if [ -d "$seed" ]; then
            find "$seed" -maxdepth 1 -type f -exec cp {} "$corpus/" \;
        else
            cp "$seed" "$corpus/"
        fi
    done
    extra=""
    [ "$target" = fuzz-rule-pack ] && extra="-dict=tests/fuzz/rule-pack.dict"
    [ -n "${FUZZ_SEED:-}" ] && extra="$extra -seed=$FUZZ_SEED"
    echo "== $target: $seconds s"
    # shellcheck disable=SC2086
    ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$build/tests/fuzz/$target" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=4096 \
        -max_len=65536 -print_final_stats=1 -artifact_prefix="$build/crashes/$target-" \
        $extra "$corpus" 2>"$build/$target.log" || status=1
    grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)|^#[0-9]+.*DONE' \
        "$build/$target.log" || true
    [ $status -eq 0 ] || { tail -40 "$build/$target.log"; }
done
exit $status
