#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Generates, at build time, the binary word table that redline-words.c cuts
# Chinese text with, from data/lexicon/zh-words.txt. Each word is normalised
# the way the matcher normalises text (build-aux/gen-fold-table.py: Simplified
# characters, Chinese numerals as ASCII digits), so 第一 is stored as 第1.
#
# Layout, all integers little-endian guint32:
#   "RLW3"  count  total  max_chars  n_firsts
#   bloom[BLOOM_BITS / 32]  a Bloom filter of the pairs of adjacent
#                        characters inside words: where a pair is not in
#                        it, no word spans the gap between its characters
#   firsts[n_firsts]     (first code point, index of its first word) pairs,
#                        by code point: where the words of each first
#                        character begin, so a search starts in a small range
#   offsets[count + 1]   byte offsets of the words in the pool
#   frequencies[count]
#   tags[count]          the part of speech, up to four ASCII letters, NUL-padded
#   pool                 the words, UTF-8, sorted bytewise, not terminated

import importlib.util
import os
import struct
import sys


BLOOM_BITS = 1 << 22
MASK64 = (1 << 64) - 1


def splitmix64(x):
    x = (x + 0x9E3779B97F4A7C15) & MASK64
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & MASK64
    return x ^ (x >> 31)


def bloom_bits(a, b):
    """The three bits of the pair (a, b); redline-words.c computes the same."""
    h = splitmix64((a << 32) | b)
    h1, h2 = h & 0xFFFFFFFF, h >> 32
    return [((h1 + i * h2) & 0xFFFFFFFF) % BLOOM_BITS for i in range(3)]


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
    t2s = fold_module.read_t2s(t2s_path)

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
    bloom = [0] * (BLOOM_BITS // 32)
    for key in keys:
        for a, b in zip(key, key[1:]):
            for bit in bloom_bits(ord(a), ord(b)):
                bloom[bit // 32] |= 1 << (bit % 32)
    firsts = []
    for index, key in enumerate(keys):
        if not firsts or firsts[-1][0] != ord(key[0]):
            firsts.append((ord(key[0]), index))

    with open(out_path, "wb") as out:
        out.write(b"RLW3")
        out.write(struct.pack("<IIII", len(keys), min(total, 0xFFFFFFFF), max_chars, len(firsts)))
        out.write(struct.pack("<%dI" % len(bloom), *bloom))
        for cp, index in firsts:
            out.write(struct.pack("<II", cp, index))
        out.write(struct.pack("<%dI" % len(offsets), *offsets))
        out.write(struct.pack("<%dI" % len(keys), *(min(words[k][0], 0xFFFFFFFF) for k in keys)))
        for key in keys:
            out.write(words[key][1].encode("ascii")[:4].ljust(4, b"\0"))
        out.write(bytes(pool))


if __name__ == "__main__":
    sys.exit(main())
