#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The man page and `--help` name the same long options.
#   check-man.py PROGRAM MAN-PAGE
import re
import subprocess
import sys

program, page = sys.argv[1], sys.argv[2]
help_text = subprocess.run([program, '--help'], capture_output=True, text=True, check=True).stdout
in_help = set(re.findall(r'(?<![\w-])--([a-z][a-z-]*)', help_text))
with open(page, encoding='utf-8') as f:
    roff = f.read().replace('\\-', '-')
in_page = set(re.findall(r'(?<![\w-])--([a-z][a-z-]*)', roff))

missing = sorted(in_help - in_page)
unknown = sorted(in_page - in_help)
if missing:
    print(f'{page}: options of --help the page does not describe: --' + ', --'.join(missing))
if unknown:
    print(f'{page}: options the page names that --help does not have: --' + ', --'.join(unknown))
if missing or unknown:
    sys.exit(1)
print(f'{page}: the same {len(in_help)} options as --help')
