#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check the app icons: well-formed SVG on the sizes GNOME expects (128×128
for the full-colour icon, 16×16 for the symbolic one), and a symbolic icon
drawn only in #2e3436 fills, which GTK recolours to the theme's foreground."""

import re
import sys
import xml.etree.ElementTree as ET

SVG = '{http://www.w3.org/2000/svg}'
COLOR = re.compile(r'#[0-9a-fA-F]{3,8}\b')
SHAPES = ('path', 'rect', 'circle', 'ellipse', 'polygon', 'polyline', 'line')


def load(path, failures):
    try:
        return ET.parse(path).getroot()
    except (OSError, ET.ParseError) as error:
        failures.append(f'{path}: {error}')
        return None


def check_size(path, root, size, failures):
    if root.tag != SVG + 'svg':
        failures.append(f'{path}: root element is {root.tag}, not an SVG <svg>')
        return
    for attr in ('width', 'height'):
        if root.get(attr) != str(size):
            failures.append(f'{path}: {attr} is {root.get(attr)}, not {size}')
    if root.get('viewBox') != f'0 0 {size} {size}':
        failures.append(f'{path}: viewBox is {root.get("viewBox")}, not 0 0 {size} {size}')


def check_symbolic(path, root, failures):
    shapes = 0
    for element in root.iter():
        name = element.tag.replace(SVG, '')
        if name in ('linearGradient', 'radialGradient', 'image', 'text'):
            failures.append(f'{path}: symbolic icons cannot use <{name}>')
        if name in SHAPES:
            shapes += 1
            if element.get('stroke') not in (None, 'none'):
                failures.append(f'{path}: a <{name}> is stroked; GTK only recolours fills')
        for attr in ('fill', 'stroke', 'style'):
            for color in COLOR.findall(element.get(attr) or ''):
                if color.lower() != '#2e3436':
                    failures.append(f'{path}: colour {color} on a <{name}>; use #2e3436 only')
    if shapes == 0:
        failures.append(f'{path}: draws nothing')


def main():
    app, symbolic = sys.argv[1], sys.argv[2]
    failures = []
    root = load(app, failures)
    if root is not None:
        check_size(app, root, 128, failures)
    root = load(symbolic, failures)
    if root is not None:
        check_size(symbolic, root, 16, failures)
        check_symbolic(symbolic, root, failures)
    for failure in failures:
        print(failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
