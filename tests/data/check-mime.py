#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check the shared-mime-info entry: well-formed, and it declares what the app
and the metainfo rely on (application/x-ziping, *.ziping, a JSON subclass)."""

import sys
import xml.etree.ElementTree as ET

NS = '{http://www.freedesktop.org/standards/shared-mime-info}'
XML_LANG = '{http://www.w3.org/XML/1998/namespace}lang'


def check(path, want_lang):
    failures = []
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as error:
        return [f'{path}: not well-formed XML: {error}']

    if root.tag != NS + 'mime-info':
        failures.append(f'{path}: root element is {root.tag}, not mime-info')
    types = {t.get('type'): t for t in root.findall(NS + 'mime-type')}
    entry = types.get('application/x-ziping')
    if entry is None:
        return failures + [f'{path}: no mime-type application/x-ziping']

    globs = [g.get('pattern') for g in entry.findall(NS + 'glob')]
    if '*.ziping' not in globs:
        failures.append(f'{path}: application/x-ziping has globs {globs}, not *.ziping')
    parents = [p.get('type') for p in entry.findall(NS + 'sub-class-of')]
    if 'application/json' not in parents:
        failures.append(f'{path}: application/x-ziping is not a sub-class of application/json')
    comments = {c.get(XML_LANG): (c.text or '').strip() for c in entry.findall(NS + 'comment')}
    if not comments.get(None):
        failures.append(f'{path}: application/x-ziping has no untranslated comment')
    if want_lang and not comments.get(want_lang):
        failures.append(f'{path}: the comment has no {want_lang} translation '
                        f'(languages present: {sorted(k for k in comments if k)})')
    return failures


def main():
    # Usage: check-mime.py SOURCE [MERGED LANG]
    failures = check(sys.argv[1], None)
    if len(sys.argv) > 3:
        failures += check(sys.argv[2], sys.argv[3])
    for failure in failures:
        print(failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
