#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Draws the README's screenshots (data/screenshots/) from the real window,
# on the sample project, in English and in Chinese, light and dark. Needs
# a build in _build and runs under a virtual X server.
#   build-aux/screenshots.sh
set -eu

cd "$(dirname "$0")/.."
meson compile -C _build
out=data/screenshots
mkdir -p "$out"

# The Chinese catalogue, compiled where the screenshot program looks.
locale_dir=$(mktemp -d)
trap 'rm -rf "$locale_dir"' EXIT
mkdir -p "$locale_dir/zh_CN/LC_MESSAGES"
msgfmt -o "$locale_dir/zh_CN/LC_MESSAGES/redline.mo" po/zh_CN.po

shot() {
    # shot NAME LANGUAGE STYLE POST-TITLE [wechat]
    name=$1 language=$2 style=$3 post=$4
    shift 4
    GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$PWD/_build/data" GSK_RENDERER=cairo \
    REDLINE_LOCALEDIR="$locale_dir" LANGUAGE="$language" ADW_DEBUG_COLOR_SCHEME="$style" \
        xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
        _build/tests/ui/screenshot _build/data/sample/lumi-cafe.redline "$post" \
        "$out/$name.png" "${SHOT_WIDTH:-1180}" "${SHOT_HEIGHT:-760}" "$@" 2>/dev/null
    echo "$out/$name.png"
}

shot weixin-en en default "全城最佳的秋日咖啡"
shot weixin-zh zh_CN default "全城最佳的秋日咖啡"
shot wechat-preview-en en default "全城最佳的秋日咖啡" wechat
shot wechat-dark-en en prefer-dark "The best latte in Singapore"
shot review-queue-en en default "The best latte in Singapore" queue
shot review-queue-zh zh_CN default "The best latte in Singapore" queue
# The plan: the calendar of the sample's first month, and its agenda.
shot calendar-en en default "" calendar
shot calendar-zh zh_CN default "" calendar
shot agenda-zh zh_CN default "" agenda
# A campaign's details.
REDLINE_SCREENSHOT_CAMPAIGN=0 shot campaign-zh zh_CN default "国庆假期门店营业时间"
# QR codes: a new packaging code for the Weixin campaign whose link is off
# the allowlist, and the WeChat campaign's codes in its details.
REDLINE_SCREENSHOT_QR="Packaging|https://bit.ly/lumi-autumn" \
    shot qr-code-en en default "桂花拿铁回来了"
REDLINE_SCREENSHOT_QR="包装|https://www.lumi-cafe.example/autumn" \
    shot qr-code-zh zh_CN default "桂花拿铁回来了"
REDLINE_SCREENSHOT_CAMPAIGN=900 shot qr-codes-campaign-en en default "The best latte in Singapore"
# The Weixin account's menu in its campaign's details; a keyword reply that
# rewards sharing to Moments; a sub-item whose name the chat bar cuts.
export SHOT_WIDTH=560 SHOT_HEIGHT=800
REDLINE_SCREENSHOT_CAMPAIGN=1050 shot account-menu-en en default "桂花拿铁回来了"
REDLINE_SCREENSHOT_CAMPAIGN=1050 shot account-menu-zh zh_CN default "桂花拿铁回来了"
REDLINE_SCREENSHOT_REPLY="优惠券|转发到朋友圈即可领取优惠券" shot auto-reply-en en default "桂花拿铁回来了"
REDLINE_SCREENSHOT_REPLY="优惠券|转发到朋友圈即可领取优惠券" shot auto-reply-zh zh_CN default "桂花拿铁回来了"
REDLINE_SCREENSHOT_MENU="会员积分兑换好礼专区" shot menu-item-en en default "桂花拿铁回来了"
unset SHOT_WIDTH SHOT_HEIGHT
# At the smallest size supported, a save that fails: the banner and the
# text still in the window.
export REDLINE_SCREENSHOT_DISK_FULL=1 SHOT_WIDTH=1024 SHOT_HEIGHT=600
shot save-failed-1024-en en default "栗子蛋糕限时上新"
unset REDLINE_SCREENSHOT_DISK_FULL SHOT_WIDTH SHOT_HEIGHT
export SHOT_WIDTH=1024 SHOT_HEIGHT=600
shot editorial-1024-zh zh_CN default "咖啡豆在家怎么存？"
shot editorial-1024-en en default "咖啡豆在家怎么存？"
unset SHOT_WIDTH SHOT_HEIGHT

# A page of the PDF review report of the sample, as redline-check writes it.
report_dir=$(mktemp -d)
LANGUAGE=zh_CN REDLINE_LOCALEDIR="$locale_dir" _build/src/cli/redline-check \
    --report="$report_dir/report.pdf" _build/data/sample/lumi-cafe.redline > /dev/null || true
pdftoppm -r 80 -png -f 2 -l 2 -singlefile "$report_dir/report.pdf" "$out/report-pdf-zh"
rm -rf "$report_dir"
echo "$out/report-pdf-zh.png"
