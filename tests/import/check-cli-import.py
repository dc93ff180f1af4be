#!/usr/bin/env python3
"""check-cli-import.py ZIPING-CLI FIXTURES — `ziping-cli import` from outside: its exit
codes (0 read, 1 read with findings, 2 unreadable), what it prints with --verbose, and
that a failed import writes nothing and leaves an existing file alone.

SPDX-License-Identifier: GPL-3.0-or-later
"""
import json
import os
import subprocess
import sys
import tempfile

cli, fixtures = sys.argv[1], sys.argv[2]
failures = []


def run(*args):
    env = dict(os.environ, LC_ALL='C.UTF-8', LANGUAGE='en')
    return subprocess.run([cli, 'import', *args], capture_output=True, text=True, env=env)


def check(cond, what):
    print(('ok: ' if cond else 'FAILED: ') + what)
    if not cond:
        failures.append(what)


with tempfile.TemporaryDirectory() as tmp:
    out = os.path.join(tmp, 'seed.ziping')
    r = run(os.path.join(fixtures, 'seed.xlsx'), '-o', out, '--verbose')
    check(r.returncode == 0, 'seed.xlsx imports with exit 0 (got %d: %s)' % (r.returncode, r.stderr))
    check('seed.xlsx: 4 forms, 57 indicators' in r.stdout, 'it counts 4 forms and 57 indicators')
    check('项目名称 ← 项目自评表!B5' in r.stdout, '--verbose names the cell of 项目名称')
    check('视频会议设备年度巡检次数 ← 项目自评表!D13 (weight 2: from its score (met))' in r.stdout,
          '--verbose says where each indicator and its weight came from')
    doc = json.load(open(out, encoding='utf-8'))
    check(doc['year'] == 2024 and len(doc['forms']) == 4, 'the workbook holds the four forms of 2024')

    # --year, --unit and --scheme
    out2 = os.path.join(tmp, 'options.ziping')
    r = run(os.path.join(fixtures, 'seed.xlsx'), '-o', out2, '--year', '2025', '--unit', '某单位',
            '--scheme', 'central')
    doc = json.load(open(out2, encoding='utf-8'))
    check(r.returncode in (0, 1) and doc['year'] == 2025 and doc['unit'] == '某单位'
          and doc['scheme']['id'] == 'central', '--year, --unit and --scheme are kept')

    # Several files into one workbook.
    out3 = os.path.join(tmp, 'two.ziping')
    r = run(os.path.join(fixtures, 'central.xlsx'), os.path.join(fixtures, 'targets.xlsx'), '-o', out3)
    doc = json.load(open(out3, encoding='utf-8'))
    check(r.returncode == 0 and len(doc['forms']) == 2, 'two files make one workbook of two forms')

    # Findings to resolve: exit 1, each with its sheet and cell.
    out4 = os.path.join(tmp, 'partial.ziping')
    r = run(os.path.join(fixtures, 'partial.xlsx'), '-o', out4)
    check(r.returncode == 1, 'missing weights give exit 1 (got %d)' % r.returncode)
    check('sheet “未完成项目”, cell D6' in r.stdout, 'the finding names the sheet and the cell')
    check(os.path.exists(out4), 'a file read with findings is still written')

    # Unreadable: exit 2, nothing written, an existing file untouched.
    keep = os.path.join(tmp, 'keep.ziping')
    with open(keep, 'w') as f:
        f.write('mine')
    r = run(os.path.join(fixtures, 'seed.xlsx'), os.path.join(fixtures, 'damaged', 'truncated.xlsx'),
            '-o', keep, '--force')
    check(r.returncode == 2, 'a damaged file gives exit 2 (got %d)' % r.returncode)
    check('truncated.xlsx' in r.stderr and 'damaged' in r.stderr, 'the message names the file')
    check(open(keep).read() == 'mine', 'the existing output is left untouched')
    out5 = os.path.join(tmp, 'none.ziping')
    r = run(os.path.join(fixtures, 'no-form.xlsx'), '-o', out5)
    check(r.returncode == 2 and not os.path.exists(out5), 'a file without forms writes nothing')
    r = run(os.path.join(fixtures, 'seed.xlsx'), '-o', keep)
    check(r.returncode == 2 and open(keep).read() == 'mine', 'an existing file needs --force')
    r = run('-o', out5)
    check(r.returncode == 2, 'no file to import is a usage error')

sys.exit(1 if failures else 0)
