#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""ziping-cli export from outside: its arguments, its exit codes, its messages, and the
files it leaves (or does not leave) behind.

usage: check-cli.py ZIPING-CLI
"""
import os
import sys

import openpyxl

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from exportlib import check, equal, finish, run_cli, seed_path, temp_dir  # noqa: E402


def expect(cli, args, code, what, stderr_has=()):
    result = run_cli(cli, *args)
    equal(result.returncode, code, f'{what}: exit status')
    for text in stderr_has:
        check(text in result.stderr, f'{what}: stderr mentions {text!r}: {result.stderr!r}')
    return result


def check_usage(cli, directory):
    out = os.path.join(directory, 'x.xlsx')
    seed = seed_path()
    expect(cli, [], 2, 'no arguments', ['--format'])
    expect(cli, [seed, '-o', out], 2, 'no format', ['--format'])
    expect(cli, [seed, '--format', 'odt', '-o', out], 2, 'unknown format', ['xlsx, pdf, csv or docx'])
    expect(cli, [seed, '--format', 'xlsx'], 2, 'no output', ['--output'])
    expect(cli, [seed, seed, '--format', 'xlsx', '-o', out], 2, 'two files', ['FILE'])
    expect(cli, [seed, '--format', 'xlsx', '-o', out, '--layout', 'tianjin'], 2, 'unknown layout',
           ['hubei or central'])
    expect(cli, [seed, '--format', 'xlsx', '-o', out, '--form', '9'], 2, 'form out of range',
           ['9', '1 to 4'])
    expect(cli, [seed, '--format', 'xlsx', '-o', out, '--form', '没有这个项目'], 2, 'unknown form name',
           ['没有这个项目'])
    expect(cli, [seed, '--format', 'xlsx', '-o', out, '--bogus'], 2, 'unknown option', ['--bogus'])
    equal(os.listdir(directory), [], 'bad arguments write nothing')


def check_unreadable(cli, directory):
    out = os.path.join(directory, 'x.pdf')
    missing = os.path.join(directory, 'missing.ziping')
    expect(cli, [missing, '--format', 'pdf', '-o', out], 2, 'missing file', ['missing.ziping'])
    broken = os.path.join(directory, 'broken.ziping')
    with open(broken, 'w') as f:
        f.write('{"format": "ziping", "version": 1,\n  "forms": [ }\n')
    expect(cli, [broken, '--format', 'pdf', '-o', out], 2, 'broken file', ['broken.ziping'])
    check(not os.path.exists(out), 'nothing written for an unreadable file')
    os.remove(broken)


def check_unwritable(cli, directory):
    target = os.path.join(directory, 'no-such-folder', 'out.xlsx')
    for fmt in ('xlsx', 'pdf', 'csv'):
        expect(cli, [seed_path(), '--format', fmt, '-o', target], 1, f'unwritable {fmt}', [target])
    equal(os.listdir(directory), [], 'a failed export leaves nothing behind')

    existing = os.path.join(directory, 'keep.xlsx')
    with open(existing, 'w') as f:
        f.write('keep me')
    expect(cli, [seed_path(), '--format', 'xlsx', '-o', existing, '--form', '7'], 2, 'bad form')
    with open(existing) as f:
        equal(f.read(), 'keep me', 'an existing file is untouched by a failed export')
    os.remove(existing)


def check_form_by_name(cli, directory):
    out = os.path.join(directory, 'named.xlsx')
    result = expect(cli, [seed_path(), '--format', 'xlsx', '-o', out, '--form', '子女统筹'], 0,
                    'form by name')
    equal(result.stderr, '', 'a good export prints no error')
    equal(openpyxl.load_workbook(out).sheetnames, ['子女统筹'], '--form NAME exports that form')
    equal(sorted(os.listdir(directory)), ['named.xlsx'], 'no temporary file left beside it')
    os.remove(out)


def check_errors_noted(cli, directory):
    """Errors do not block an export, but it says so."""
    import json
    with open(seed_path(), encoding='utf-8') as f:
        document = json.load(f)
    document['forms'][3]['goals'][0]['indicators'][0]['weight'] = '12'   # 产出 now 42, not 40
    source = os.path.join(directory, 'errors.ziping')
    with open(source, 'w', encoding='utf-8') as f:
        json.dump(document, f, ensure_ascii=False)
    out = os.path.join(directory, 'errors.csv')
    result = expect(cli, [source, '--format', 'csv', '-o', out], 0, 'export with errors')
    check('error' in result.stderr and 'errors.ziping' in result.stderr,
          f'the export notes the errors: {result.stderr!r}')
    check(os.path.exists(out), 'the export was written')


def main():
    cli = sys.argv[1]
    for check_one in (check_usage, check_unreadable, check_unwritable, check_form_by_name,
                      check_errors_noted):
        check_one(cli, temp_dir())
    finish('check-cli')


if __name__ == '__main__':
    main()
