#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Generates, at build time, the binary word table that redline-words.c cuts
# Chinese text with, from data/lexicon/zh-words.txt. Each word is normalised
# the way the matcher normalises text (build-aux/gen-fold-table.py: Simplified
# characters, Chinese numerals as ASCII digits), so 第一 is stored as 第1.
#
# Layout, all integers little-endian guint32:
#   "RLW1"  count  total  max_chars
#   offsets[count + 1]   byte offsets of the words in the pool
#   frequencies[count]
#   tags[count]          the part of speech, up to four ASCII letters, NUL-padded
#   pool                 the words, UTF-8, sorted bytewise, not terminated

import importlib.util
import os
import struct
import sys


def load_fold():
    here = os.path.dirname(os.path.abspath(__file__))
    spec = importlib.util.spec_from_file_location("gen_fold_table",
                                                  os.path.join(here, "gen-fold-table.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main():
    words_path, t2s_path, out_path = sys.argv[1:4]
    fold_module = load_fold()
    t2s = {}
    with open(t2s_path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            trad, simp = line.split()[:2]
            t2s[chr(int(trad[2:], 16))] = chr(int(simp[2:], 16))

    cache = {}
    words = {}
    with open(words_path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            word, freq, tag = line.split()
            folded = ""
            for ch in word:
                if ch not in cache:
                    cache[ch] = fold_module.fold(ord(ch), t2s)
                folded += cache[ch]
            if not folded:
                continue
            if folded in words:
                old_freq, old_tag = words[folded]
                words[folded] = (old_freq + int(freq), old_tag if old_freq >= int(freq) else tag)
            else:
                words[folded] = (int(freq), tag)

    keys = sorted(words, key=lambda w: w.encode("utf-8"))
    pool = bytearray()
    offsets = []
    for key in keys:
        offsets.append(len(pool))
        pool += key.encode("utf-8")
    offsets.append(len(pool))
    total = sum(f for f, _ in words.values())
    max_chars = max(len(k) for k in keys)

    with open(out_path, "wb") as out:
        out.write(b"RLW1")
        out.write(struct.pack("<III", len(keys), min(total, 0xFFFFFFFF), max_chars))
        out.write(struct.pack("<%dI" % len(offsets), *offsets))
        out.write(struct.pack("<%dI" % len(keys), *(min(words[k][0], 0xFFFFFFFF) for k in keys)))
        for key in keys:
            out.write(words[key][1].encode("ascii")[:4].ljust(4, b"\0"))
        out.write(bytes(pool))


if __name__ == "__main__":
    sys.exit(main())
