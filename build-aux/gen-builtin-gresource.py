#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Writes the GResource description of the built-in rule packs:
#   gen-builtin-gresource.py OUTPUT PACK.xml…

import os
import sys
from xml.sax.saxutils import escape


def main():
    output, packs = sys.argv[1], sys.argv[2:]
    with open(output, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<gresources>\n')
        f.write('  <gresource prefix="/org/redline/core/rules/builtin">\n')
        for pack in sorted(packs, key=os.path.basename):
            f.write('    <file alias="%s" compressed="true">%s</file>\n'
                    % (escape(os.path.basename(pack)), escape(os.path.abspath(pack))))
        f.write("  </gresource>\n</gresources>\n")


if __name__ == "__main__":
    main()
