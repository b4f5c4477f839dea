#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The Chinese catalogue is sound, complete and current: msgfmt --check
# passes, no message is untranslated or fuzzy, and every translatable
# string of the sources listed in po/POTFILES.in is in it.
#   build-aux/check-po.sh SOURCE-ROOT
set -eu

cd "$1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

stats=$(msgfmt --check --statistics -o /dev/null po/zh_CN.po 2>&1)
echo "po/zh_CN.po: $stats"
case "$stats" in
    *fuzzy*|*untranslated*)
        echo "po/zh_CN.po: translate the messages above, or run 'meson compile -C _build redline-update-po' first" >&2
        exit 1 ;;
esac

# Every source with translatable strings is listed, or its strings would
# silently stay English.
missing=$( (grep -rlE '(^|[^A-Za-z0-9_])(N?_|g_dngettext) *\(' src --include='*.c'
           grep -rl 'translatable="yes"' ui --include='*.ui') | LC_ALL=C sort |
          while read -r f; do grep -qx "$f" po/POTFILES.in || echo "$f"; done)
if [ -n "$missing" ]; then
    echo "po/POTFILES.in lacks sources with translatable strings:" $missing >&2
    exit 1
fi

# The same extraction as `meson compile redline-pot` (the glib preset).
xgettext --package-name=redline -f po/POTFILES.in -D . -k_ --from-code=UTF-8 \
    --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dcgettext:2 \
    --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 -o "$tmp/redline.pot"
if ! msgcmp po/zh_CN.po "$tmp/redline.pot"; then
    echo "po/zh_CN.po lacks strings that are in the sources: update it (HACKING.md, Translations)" >&2
    exit 1
fi
echo "po/zh_CN.po: every source string is there"
