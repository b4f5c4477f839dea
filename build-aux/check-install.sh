#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs the build into a staging directory (DESTDIR) and uses it from
# there as a new user would, reading nothing from the source tree:
#   - every file a desktop needs is in place;
#   - the installed redline-check checks the sample copy, in English and in
#     Simplified Chinese (the installed catalogue, via REDLINE_LOCALEDIR),
#     and writes a report with the installed report module (via
#     REDLINE_MODULEDIR);
#   - with the installed MIME type, a project file is recognised by its
#     extension and by its content (another extension), and the installed
#     desktop file is the application registered to open it.
#
# Usage: check-install.sh BUILD_DIR SOURCE_DIR SAMPLE_PROJECT
set -eu

build=$1
source=$2
sample_project=$3
stage=$(mktemp -d "${TMPDIR:-/tmp}/redline-install-XXXXXX")
trap 'rm -rf "$stage"' EXIT INT TERM

fail() {
    echo "not ok: $*" >&2
    exit 1
}

meson install -C "$build" --destdir "$stage" --no-rebuild --quiet >/dev/null

eval "$(meson introspect "$build" --buildoptions | python3 -c '
import json, sys
options = {o["name"]: o["value"] for o in json.load(sys.stdin)}
prefix = options["prefix"]
for name in ("bindir", "datadir", "libdir", "localedir", "mandir"):
    value = options[name]
    print("%s=%s" % (name, value if value.startswith("/") else prefix + "/" + value))
')"
bin=$stage$bindir
data=$stage$datadir

for file in \
    "$bin/redline" \
    "$bin/redline-check" \
    "$data/applications/org.redline.Redline.desktop" \
    "$data/metainfo/org.redline.Redline.metainfo.xml" \
    "$data/icons/hicolor/scalable/apps/org.redline.Redline.svg" \
    "$data/icons/hicolor/symbolic/apps/org.redline.Redline-symbolic.svg" \
    "$data/glib-2.0/schemas/org.redline.Redline.gschema.xml" \
    "$data/mime/packages/org.redline.Redline.xml" \
    "$data/redline/rules/absolute-terms.xml" \
    "$data/redline/rules/redline-rules.rng" \
    "$stage$localedir/zh_CN/LC_MESSAGES/redline.mo" \
    "$stage$mandir/man1/redline.1" \
    "$stage$mandir/man1/redline-check.1" \
    "$stage$libdir/redline/libredline-report.so"
do
    [ -f "$file" ] || fail "not installed: ${file#"$stage"}"
done
echo "ok: every file is installed"

grep -q '^GenericName\[zh_CN\]=' "$data/applications/org.redline.Redline.desktop" ||
    fail "the installed desktop file has no Chinese GenericName"
glib-compile-schemas --strict --targetdir="$stage" "$data/glib-2.0/schemas" ||
    fail "the installed settings schema does not compile"

# The installed checker, on the sample copy: findings, exit status 1.
status=0
LANGUAGE=C LC_ALL=C.UTF-8 "$bin/redline-check" --ecosystem=weixin \
    "$source/data/sample/lumi-autumn-zh.txt" >"$stage/en.txt" 2>&1 || status=$?
[ "$status" = 1 ] || fail "redline-check exited $status on the sample copy, not 1"
grep -q 'on WeChat: ' "$stage/en.txt" || fail "no English output: $(head -3 "$stage/en.txt")"
status=0
LANGUAGE=zh_CN LC_ALL=C.UTF-8 REDLINE_LOCALEDIR="$stage$localedir" "$bin/redline-check" \
    --ecosystem=weixin "$source/data/sample/lumi-autumn-zh.txt" >"$stage/zh.txt" 2>&1 || status=$?
[ "$status" = 1 ] || fail "redline-check exited $status in Chinese, not 1"
grep -q '在 WeChat 上' "$stage/zh.txt" || fail "no Chinese output: $(head -3 "$stage/zh.txt")"
echo "ok: the installed redline-check checks the sample copy in English and in Chinese"

# A report, drawn by the installed module; the program links no drawing
# library of its own.
status=0
REDLINE_MODULEDIR="$stage$libdir/redline" "$bin/redline-check" --report="$stage/report.pdf" \
    "$sample_project" >/dev/null 2>"$stage/report.txt" || status=$?
[ "$status" = 1 ] || fail "redline-check --report exited $status, not 1: $(cat "$stage/report.txt")"
head -c 5 "$stage/report.pdf" | grep -q '^%PDF-' || fail "the report is not a PDF"
if ldd "$bin/redline-check" | grep -E 'libpango|libcairo|libqrencode'; then
    fail "redline-check links a drawing library: it belongs in the report module"
fi
echo "ok: the installed redline-check writes a report with the installed module"

# The MIME type and the desktop file, seen through GIO as a file manager
# sees them, with nothing of the user's own settings.
update-mime-database "$data/mime"
update-desktop-database "$data/applications"
mkdir -p "$stage/home/data" "$stage/home/config"
cp "$sample_project" "$stage/sample.redline"
cp "$sample_project" "$stage/sample.bin"
export XDG_DATA_HOME="$stage/home/data" XDG_CONFIG_HOME="$stage/home/config"
export XDG_DATA_DIRS="$data:/usr/share"
# GIO offers only applications whose program is on the PATH.
export PATH="$bin:$PATH"
for file in sample.redline sample.bin; do
    type=$(gio info -a standard::content-type "$stage/$file" | sed -n 's/.*standard::content-type: //p')
    [ "$type" = application/x-redline-project ] || fail "$file is $type, not a Redline project"
done
gio mime application/x-redline-project | grep -q 'org.redline.Redline.desktop' ||
    fail "Redline is not registered for project files: $(gio mime application/x-redline-project)"
echo "ok: project files are recognised by name and by content, and open in Redline"
