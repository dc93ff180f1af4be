#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check that po/POTFILES.in lists every file with translatable strings.

A file missing from POTFILES.in has its strings silently left out of the
template, so translators never see them; a listed file that no longer exists
breaks `ninja ziping-pot`.
"""

import pathlib
import re
import sys

# _("…"), N_("…"), C_("ctx", "…"), NC_(…), also with GNU-style space before "(".
C_MARKERS = re.compile(r'(?<![A-Za-z0-9_])(?:N?C?_|g_dngettext|g_dpgettext2?|ngettext)\s*\(')
UI_MARKER = re.compile(r'translatable\s*=\s*"(?:yes|true)"')

# Data files whose strings are extracted through their ITS rules: always listed.
DATA_FILES = [
    'data/io.github.ziping.Ziping.desktop.in',
    'data/io.github.ziping.Ziping.metainfo.xml.in',
    'data/io.github.ziping.Ziping.gschema.xml',
    'data/io.github.ziping.Ziping.mime.xml',
]


def listed_files(potfiles):
    names = []
    for line in potfiles.read_text(encoding='utf-8').splitlines():
        line = line.strip()
        if line and not line.startswith('#'):
            names.append(line)
    return names


def files_with_strings(root):
    found = []
    for path in sorted((root / 'src').rglob('*.[ch]')):
        if C_MARKERS.search(path.read_text(encoding='utf-8', errors='replace')):
            found.append(path.relative_to(root).as_posix())
    for path in sorted((root / 'data' / 'ui').rglob('*.ui')):
        if UI_MARKER.search(path.read_text(encoding='utf-8', errors='replace')):
            found.append(path.relative_to(root).as_posix())
    return found


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else '.').resolve()
    listed = listed_files(root / 'po' / 'POTFILES.in')
    failures = []

    for name in listed:
        if not (root / name).is_file():
            failures.append(f'po/POTFILES.in lists {name}, which does not exist')
    seen = set()
    for name in listed:
        if name in seen:
            failures.append(f'po/POTFILES.in lists {name} twice')
        seen.add(name)
    for name in DATA_FILES + files_with_strings(root):
        if name not in seen:
            failures.append(f'{name} has translatable strings but is not in po/POTFILES.in')

    for failure in failures:
        print(failure, file=sys.stderr)
    if failures:
        return 1
    print(f'po/POTFILES.in lists all {len(listed)} files with translatable strings')
    return 0


if __name__ == '__main__':
    sys.exit(main())
