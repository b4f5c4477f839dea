#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Generates the normaliser's fold table (a C source file) at build time.
#
# For every code point below 0x30000 it records what the matcher sees in its
# place (zero or more code points) and a character class used for separator
# skipping and word boundaries. The fold is: NFKC (full-width forms, circled
# and parenthesised numerals), removal of combining marks, full case folding,
# Traditional → Simplified (data/fold/t2s.txt) and Chinese and formal numerals
# to ASCII digits (一 and 壹 both become 1). Doing this once here keeps the
# per-character cost at run time to two array reads.
#
# Entry layout (guint32): bits 0–20 the output (a signed delta to the input
# code point when the output is one character, else an offset into the pool),
# bits 21–23 the character class, bits 24–27 the output length (0: dropped).

import sys
import unicodedata

STAGE1_LIMIT = 0x30000
BLOCK = 256

CLASS_OTHER, CLASS_WORD, CLASS_CJK, CLASS_SPACE, CLASS_BREAK, CLASS_HARD, CLASS_SKIP = range(7)

NUMERALS = {
    "〇": "0", "零": "0", "一": "1", "二": "2", "三": "3", "四": "4", "五": "5",
    "六": "6", "七": "7", "八": "8", "九": "9", "壹": "1", "贰": "2", "叁": "3",
    "肆": "4", "伍": "5", "陆": "6", "柒": "7", "捌": "8", "玖": "9", "弌": "1",
    "弍": "2", "弎": "3",
}
# Punctuation that ends or structures prose: a term never spans it.
HARD_PUNCT = set(",;:!?。、｡､")
ENCLOSED = [(0x2460, 0x2500), (0x3200, 0x3300), (0x1F100, 0x1F200)]
CJK_RANGES = [
    (0x2E80, 0x2FE0), (0x3005, 0x3008), (0x3021, 0x302A), (0x3031, 0x3036),
    (0x3038, 0x303D), (0x3040, 0x3100), (0x3100, 0x3130), (0x3130, 0x3190),
    (0x31A0, 0x3200), (0x3400, 0x4DC0), (0x4E00, 0xA000), (0xAC00, 0xD7B0),
    (0xF900, 0xFB00), (0xFF66, 0xFFA0), (0x20000, 0x40000),
]


def is_cjk(cp):
    return any(lo <= cp < hi for lo, hi in CJK_RANGES)


def char_class(ch):
    cp = ord(ch)
    cat = unicodedata.category(ch)
    if ch in "\n\r\x85\u2028\u2029":
        return CLASS_BREAK
    if ch in "\t\v\f" or cat == "Zs":
        return CLASS_SPACE
    if is_cjk(cp) and cat[0] in "LN":
        return CLASS_CJK
    if cat[0] in "LN":
        return CLASS_WORD
    if ch in HARD_PUNCT or cat in ("Ps", "Pe", "Pi", "Pf"):
        return CLASS_HARD
    if cat[0] in "PS":
        return CLASS_SKIP
    return CLASS_OTHER


def is_dropped(ch):
    return unicodedata.category(ch) in ("Cf", "Mn", "Me")


def fold(cp, t2s):
    ch = chr(cp)
    cat = unicodedata.category(ch)
    if 0xD800 <= cp < 0xE000 or cat == "Cn" and not is_cjk(cp):
        return ch
    if is_dropped(ch):
        return ""
    if cat == "So" and not any(lo <= cp < hi for lo, hi in ENCLOSED):
        # ™, ℃, ㎏ … keep their identity: NFKC would glue letters onto the
        # preceding word ("Best™" → "besttm") and break word boundaries.
        return "no" if ch == "№" else ch
    s = unicodedata.normalize("NFKC", ch)
    if any(lo <= cp < hi for lo, hi in ENCLOSED):
        # ⑴ ⒈ ㈤ → the numeral alone, so 第⑴ reads as 第1.
        stripped = "".join(c for c in s if unicodedata.category(c)[0] in "LN")
        s = stripped or s
    s = unicodedata.normalize("NFD", s)
    s = "".join(c for c in s if not is_dropped(c))
    s = unicodedata.normalize("NFC", s)
    s = s.casefold()
    s = unicodedata.normalize("NFKC", s)
    s = "".join(t2s.get(c, c) for c in s)
    s = "".join(NUMERALS.get(c, c) for c in s)
    return s[:15]


def read_t2s(path):
    """data/fold/t2s.txt as a dict of Traditional → Simplified characters."""
    t2s = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            trad, simp = line.split()[:2]
            t2s[chr(int(trad[2:], 16))] = chr(int(simp[2:], 16))
    return t2s


def main():
    t2s_path, out_path = sys.argv[1], sys.argv[2]
    t2s = read_t2s(t2s_path)

    pool = []
    pool_index = {}
    entries = []
    for cp in range(STAGE1_LIMIT):
        out = fold(cp, t2s)
        if len(out) == 0:
            entries.append(0)
            continue
        klass = char_class(out[0]) if len(out) == 1 else char_class(chr(cp))
        if len(out) == 1:
            # Stored as a 21-bit delta so that identical runs (identity over
            # a whole CJK block, say) share one stage-2 block.
            value = (ord(out) - cp) & 0x1FFFFF
        else:
            if out not in pool_index:
                pool_index[out] = len(pool)
                pool.extend(ord(c) for c in out)
            value = pool_index[out]
        entries.append(value | (klass << 21) | (len(out) << 24))

    blocks = []
    block_index = {}
    stage1 = []
    for start in range(0, STAGE1_LIMIT, BLOCK):
        block = tuple(entries[start:start + BLOCK])
        if block not in block_index:
            block_index[block] = len(blocks)
            blocks.append(block)
        stage1.append(block_index[block])

    with open(out_path, "w", encoding="utf-8") as f:
        f.write("/* Generated by build-aux/gen-fold-table.py. Do not edit. */\n\n")
        f.write('#include "redline-fold-private.h"\n\n')
        f.write("const guint16 _redline_fold_stage1[%d] = {\n" % len(stage1))
        for i in range(0, len(stage1), 16):
            f.write("  " + ", ".join(str(v) for v in stage1[i:i + 16]) + ",\n")
        f.write("};\n\n")
        f.write("const guint32 _redline_fold_stage2[%d][%d] = {\n" % (len(blocks), BLOCK))
        for block in blocks:
            f.write("  {\n")
            for i in range(0, BLOCK, 8):
                f.write("    " + ", ".join("0x%08x" % v for v in block[i:i + 8]) + ",\n")
            f.write("  },\n")
        f.write("};\n\n")
        f.write("const gunichar _redline_fold_pool[%d] = {\n" % max(len(pool), 1))
        for i in range(0, max(len(pool), 1), 12):
            f.write("  " + ", ".join("0x%x" % v for v in (pool or [0])[i:i + 12]) + ",\n")
        f.write("};\n")


if __name__ == "__main__":
    main()
