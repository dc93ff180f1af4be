#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check the Flatpak manifest: it parses, names the app, and asks for no
more of the sandbox than a GTK app needs (files go through the portals)."""

import json
import re
import sys

APP_ID = 'io.github.ziping.Ziping'
ALLOWED_FINISH_ARGS = {'--share=ipc', '--socket=fallback-x11', '--socket=wayland', '--device=dri'}
SHA256 = re.compile(r'^[0-9a-f]{64}$')
# GNOME runtimes Flathub still supports (late 2026). A runtime is supported for about a
# year: 47 ended on 15 October 2025, 48 on 24 March 2026, 49 ends with 51's release.
SUPPORTED_RUNTIMES = {'50', '51'}


def check_sources(module, failures):
    for source in module.get('sources', []):
        if not isinstance(source, dict):
            continue
        kind = source.get('type')
        if kind in ('archive', 'file') and 'url' in source:
            if not SHA256.match(source.get('sha256', '')):
                failures.append(f'module {module.get("name")}: {source["url"]} has no valid sha256')
        if kind == 'git' and not (source.get('commit') or source.get('tag')):
            failures.append(f'module {module.get("name")}: git source is not pinned')


def check_options(app, options_path, failures):
    """Every -Dname=value the manifest passes must be an option of the project."""
    with open(options_path, encoding='utf-8') as f:
        known = set(re.findall(r"option\(\s*'([^']+)'", f.read()))
    for opt in app.get('config-opts', []):
        match = re.match(r'^-D([^=]+)=', opt)
        if match and match.group(1) not in known:
            failures.append(f'ziping config-opt {opt}: no option {match.group(1)!r} in meson_options.txt')


def main():
    path = sys.argv[1]
    try:
        with open(path, encoding='utf-8') as f:
            manifest = json.load(f)
    except (OSError, ValueError) as error:
        print(f'{path}: {error}', file=sys.stderr)
        return 1

    failures = []
    expect = {'app-id': APP_ID, 'command': 'ziping',
              'runtime': 'org.gnome.Platform', 'sdk': 'org.gnome.Sdk'}
    for key, value in expect.items():
        if manifest.get(key) != value:
            failures.append(f'{path}: {key} is {manifest.get(key)!r}, not {value!r}')
    if manifest.get('runtime-version') and manifest.get('runtime-version') not in SUPPORTED_RUNTIMES:
        failures.append(f'{path}: GNOME runtime {manifest.get("runtime-version")} is not supported any more '
                        f'(use one of {", ".join(sorted(SUPPORTED_RUNTIMES))})')
    if not manifest.get('runtime-version'):
        failures.append(f'{path}: no runtime-version')

    for arg in manifest.get('finish-args', []):
        if arg not in ALLOWED_FINISH_ARGS:
            failures.append(f'{path}: finish-arg {arg} is outside the minimal set '
                            f'{sorted(ALLOWED_FINISH_ARGS)}')

    modules = [m for m in manifest.get('modules', []) if isinstance(m, dict)]
    names = [m.get('name') for m in modules]
    if not names or names[-1] != 'ziping':
        failures.append(f'{path}: the last module is {names[-1:]}, not ziping')
    else:
        app = modules[-1]
        if app.get('buildsystem') != 'meson':
            failures.append(f'{path}: ziping is not built with meson')
        if {'type': 'dir', 'path': '..'} not in app.get('sources', []):
            failures.append(f'{path}: ziping is not built from the local tree (type dir, path ..)')
        if len(sys.argv) > 2:
            check_options(app, sys.argv[2], failures)
    if 'libxlsxwriter' not in names:
        failures.append(f'{path}: no libxlsxwriter module')
    for module in modules:
        check_sources(module, failures)

    for failure in failures:
        print(failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
