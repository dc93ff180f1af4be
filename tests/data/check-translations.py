#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check that every language in po/LINGUAS translates every current string.

The committed .po file is merged against a template freshly extracted from
the sources (the same xgettext keywords as i18n.gettext's 'glib' preset), so
a string added to the code after the last translation pass shows up here as
untranslated instead of passing silently.
"""

import pathlib
import re
import subprocess
import sys
import tempfile

XGETTEXT_ARGS = [
    '--from-code=UTF-8', '--add-comments', '--package-name=ziping',
    '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3',
    '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format',
    '--flag=NC_:2:pass-c-format', '--flag=g_dngettext:2:pass-c-format',
    '--flag=g_strdup_printf:1:c-format', '--flag=g_string_printf:2:c-format',
    '--flag=g_string_append_printf:2:c-format', '--flag=g_error_new:3:c-format',
    '--flag=g_set_error:4:c-format', '--flag=g_markup_printf_escaped:1:c-format',
    '--flag=g_log:3:c-format', '--flag=g_print:1:c-format',
    '--flag=g_printerr:1:c-format', '--flag=g_printf:1:c-format',
    '--flag=g_fprintf:2:c-format', '--flag=g_sprintf:2:c-format',
    '--flag=g_snprintf:3:c-format',
]
STATS = re.compile(r'(\d+) translated message|(\d+) fuzzy translation|(\d+) untranslated message')


def run(args, **kwargs):
    return subprocess.run(args, capture_output=True, text=True, **kwargs)


def statistics(po):
    result = run(['msgfmt', '--check', '--statistics', '-o', '/dev/null', str(po)])
    counts = {'translated': 0, 'fuzzy': 0, 'untranslated': 0}
    for match in STATS.finditer(result.stderr):
        translated, fuzzy, untranslated = match.groups()
        if translated:
            counts['translated'] = int(translated)
        if fuzzy:
            counts['fuzzy'] = int(fuzzy)
        if untranslated:
            counts['untranslated'] = int(untranslated)
    return result.returncode, result.stderr.strip(), counts


def msgids(po, flag):
    result = run(['msgattrib', flag, '--no-obsolete', '--no-wrap', str(po)])
    return re.findall(r'^msgid "(.+)"$', result.stdout, re.MULTILINE)


def check_language(root, lang, pot, tmp):
    po = root / 'po' / f'{lang}.po'
    if not po.is_file():
        return [f'po/LINGUAS lists {lang} but po/{lang}.po does not exist']
    failures = []
    code, output, _ = statistics(po)
    if code != 0:
        failures.append(f'msgfmt --check rejects po/{lang}.po:\n{output}')

    merged = tmp / f'{lang}.po'
    result = run(['msgmerge', '--quiet', '--no-fuzzy-matching', '-o', str(merged), str(po), str(pot)])
    if result.returncode != 0:
        return failures + [f'msgmerge failed for po/{lang}.po:\n{result.stderr}']
    code, output, counts = statistics(merged)
    print(f'po/{lang}.po against the current sources: {output}')
    if counts['translated'] == 0:
        failures.append(f'po/{lang}.po translates nothing')
    for msgid in msgids(merged, '--untranslated'):
        failures.append(f'po/{lang}.po: untranslated: "{msgid}"')
    for msgid in msgids(merged, '--only-fuzzy'):
        failures.append(f'po/{lang}.po: fuzzy: "{msgid}"')
    if counts['untranslated'] or counts['fuzzy']:
        failures.append(f'po/{lang}.po: {counts["untranslated"]} untranslated and '
                        f'{counts["fuzzy"]} fuzzy messages (run `ninja ziping-update-po`)')
    return failures


def main():
    root = pathlib.Path(sys.argv[1]).resolve()
    languages = [l.strip() for l in (root / 'po' / 'LINGUAS').read_text().split()
                 if l.strip() and not l.startswith('#')]
    if not languages:
        print('po/LINGUAS lists no language', file=sys.stderr)
        return 1

    failures = []
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = pathlib.Path(tmpdir)
        pot = tmp / 'ziping.pot'
        result = run(['xgettext', *XGETTEXT_ARGS, '--files-from', str(root / 'po' / 'POTFILES.in'),
                      '--directory', str(root), '--output', str(pot)])
        if result.returncode != 0:
            print(f'xgettext failed:\n{result.stderr}', file=sys.stderr)
            return 1
        for lang in languages:
            failures += check_language(root, lang, pot, tmp)

    for failure in failures:
        print(failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
