#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check what appstreamcli cannot: the metainfo agrees with the project.

- the newest release is the version meson builds;
- every screenshot URL points into this repository, at a file that exists;
- the merged file carries the Chinese summary and description.
"""

import pathlib
import sys
import xml.etree.ElementTree as ET

RAW_PREFIX = 'https://raw.githubusercontent.com/ziping/ziping/main/'
XML_LANG = '{http://www.w3.org/XML/1998/namespace}lang'


def main():
    merged, source_root, version, lang = sys.argv[1:5]
    root_dir = pathlib.Path(source_root)
    failures = []
    try:
        component = ET.parse(merged).getroot()
    except (OSError, ET.ParseError) as error:
        print(f'{merged}: {error}', file=sys.stderr)
        return 1

    releases = component.findall('releases/release')
    if not releases:
        failures.append(f'{merged}: no <release>')
    elif releases[0].get('version') != version:
        failures.append(f'{merged}: the newest release is {releases[0].get("version")}, '
                        f'but meson builds {version}: add a <release> for it')

    screenshots = component.findall('screenshots/screenshot/image')
    if not screenshots:
        failures.append(f'{merged}: no screenshot')
    for image in screenshots:
        url = (image.text or '').strip()
        if not url.startswith(RAW_PREFIX):
            failures.append(f'{merged}: screenshot {url} is not under {RAW_PREFIX}')
            continue
        path = root_dir / url[len(RAW_PREFIX):]
        if not path.is_file():
            failures.append(f'{merged}: screenshot {url} has no file {path.relative_to(root_dir)}')

    summaries = {s.get(XML_LANG) for s in component.findall('summary')}
    if lang not in summaries:
        failures.append(f'{merged}: no {lang} summary (translation not merged)')
    paragraphs = {p.get(XML_LANG) for p in component.findall('description/p')}
    if lang not in paragraphs:
        failures.append(f'{merged}: no {lang} description')

    for failure in failures:
        print(failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
