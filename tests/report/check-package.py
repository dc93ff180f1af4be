#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The submission package from outside: `ziping-cli package` as a folder and as a .zip, its
checksums verified with sha256sum -c and Python's hashlib, its parts opened (poppler,
openpyxl, zipfile); refused while the workbook has errors (and nothing written), --force,
an existing target, a target that cannot be written (nothing left behind).

usage: check-package.py ZIPING-CLI
"""
import hashlib
import json
import os
import subprocess
import sys
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from reportlib import (check, cli, cli_ok, equal, finish, pdf_pages, pdf_text, seed_path,  # noqa: E402
                       squeeze, temp_dir, tool, variant)

ZIPING_CLI = sys.argv[1]
PARTS = ['forms.pdf', 'forms.xlsx', 'report.pdf', 'report.txt', 'summary.xlsx', 'summary.pdf',
         'jiangan-2024.ziping', 'manifest.json', 'SHA256SUMS']
DOCX = ['forms.docx', 'report.docx', 'summary.docx']


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def check_manifest(read, names, what):
    manifest = json.loads(read('manifest.json'))
    equal(manifest['format'], 'ziping-package', f'{what}: manifest format')
    equal(manifest['unit'], '江岸区大数据中心', f'{what}: manifest unit')
    equal(manifest['year'], 2024, f'{what}: manifest year')
    listed = [f['path'] for f in manifest['files']]
    equal(sorted(listed), sorted(n for n in names if n not in ('manifest.json', 'SHA256SUMS')),
          f'{what}: the manifest lists every file')
    for entry in manifest['files']:
        data = read(entry['path'])
        equal(entry['sha256'], sha256(data), f'{what}: SHA-256 of {entry["path"]}')
        equal(entry['size'], len(data), f'{what}: size of {entry["path"]}')
    sums = {}
    for line in read('SHA256SUMS').decode('utf-8').splitlines():
        digest, _, name = line.partition('  ')
        sums[name] = digest
    equal(sorted(sums), sorted(n for n in names if n != 'SHA256SUMS'), f'{what}: SHA256SUMS lists every file')
    for name, digest in sums.items():
        equal(digest, sha256(read(name)), f'{what}: SHA256SUMS for {name}')


def check_folder(folder):
    names = sorted(os.listdir(folder))
    equal(names, sorted(PARTS), 'the folder holds the parts')

    def read(name):
        with open(os.path.join(folder, name), 'rb') as f:
            return f.read()

    check_manifest(read, names, 'folder')
    result = subprocess.run([tool('sha256sum'), '-c', 'SHA256SUMS'], cwd=folder, capture_output=True, text=True)
    equal(result.returncode, 0, f'sha256sum -c verifies the folder: {result.stdout}{result.stderr}')
    with open(seed_path(), 'rb') as f:
        equal(read('jiangan-2024.ziping'), f.read(), 'the workbook is copied as it is')
    check('项目全年预算数为 0.80 万元' in read('report.txt').decode('utf-8'), 'the report quotes the form')
    equal(pdf_pages(os.path.join(folder, 'forms.pdf')), 7, 'forms.pdf pages')
    check('科技条件专项' in squeeze(pdf_text(os.path.join(folder, 'summary.pdf'))), 'summary.pdf lists the projects')
    import openpyxl
    ws = openpyxl.load_workbook(os.path.join(folder, 'summary.xlsx')).active
    equal(ws['B4'].value, '科技条件专项', 'summary.xlsx first project')


def check_zip(path):
    with zipfile.ZipFile(path) as package:
        equal(package.testzip(), None, 'the zip is intact')
        names = package.namelist()
        equal(sorted(names), sorted(PARTS + DOCX), 'the zip holds the parts and the .docx files')
        check_manifest(package.read, names, 'zip')


def no_leftovers(directory, expected, what):
    equal(sorted(os.listdir(directory)), sorted(expected), f'{what}: nothing else left in the folder')


def check_evidence(directory):
    """Evidence files go into evidence/ with their checksums; a missing one stops the
    package (nothing written) unless --force, which lists it in the manifest."""
    unit = os.path.join(directory, 'unit')
    os.makedirs(os.path.join(unit, '佐证'))
    for name, data in [('巡检记录.pdf', b'%PDF-1.4 inspection'), ('批复.pdf', b'%PDF-1.4 approval')]:
        with open(os.path.join(unit, '佐证', name), 'wb') as f:
            f.write(data)

    def attach(document):
        document['forms'][1]['evidence'] = ['佐证/批复.pdf']
        document['forms'][1]['goals'][0]['indicators'][0]['evidence'] = ['佐证/巡检记录.pdf']
        document['forms'][1]['goals'][0]['indicators'][1]['evidence'] = ['佐证/巡检记录.pdf']

    workbook = variant(attach, unit, 'unit.ziping')
    result = cli(ZIPING_CLI, 'evidence', workbook)
    equal(result.returncode, 0, f'evidence: all present: {result.stdout}{result.stderr}')
    check('3 evidence files, 0 missing' in result.stdout, f'evidence counts: {result.stdout!r}')
    result = cli(ZIPING_CLI, 'evidence', workbook, '--met-without')
    equal(result.returncode, 1, 'evidence --met-without: met indicators without evidence')
    check('met indicators have no evidence' in result.stdout, f'--met-without counts: {result.stdout!r}')

    target = os.path.join(directory, 'unit-package')
    cli_ok(ZIPING_CLI, 'package', workbook, '-o', target)
    names = []
    for root, _, files in os.walk(target):
        names += [os.path.relpath(os.path.join(root, f), target) for f in files]
    check('evidence/佐证/巡检记录.pdf' in names and 'evidence/佐证/批复.pdf' in names, f'evidence copied: {names}')
    equal(len([n for n in names if n.startswith('evidence/')]), 2, 'a file attached twice is copied once')
    with open(os.path.join(target, 'manifest.json'), encoding='utf-8') as f:
        manifest = json.load(f)
    entry = [e for e in manifest['files'] if e['path'] == 'evidence/佐证/巡检记录.pdf'][0]
    equal(entry['sha256'], sha256(b'%PDF-1.4 inspection'), 'evidence checksum in the manifest')
    equal(entry['title'], '佐证材料', 'evidence title in the manifest')
    result = subprocess.run([tool('sha256sum'), '-c', 'SHA256SUMS'], cwd=target, capture_output=True, text=True)
    equal(result.returncode, 0, f'sha256sum -c with evidence: {result.stdout}{result.stderr}')

    os.remove(os.path.join(unit, '佐证', '批复.pdf'))
    result = cli(ZIPING_CLI, 'evidence', workbook)
    equal(result.returncode, 1, 'evidence: a missing file')
    check('missing' in result.stdout, f'the missing file is marked: {result.stdout!r}')
    again = os.path.join(directory, 'unit-package-2')
    result = cli(ZIPING_CLI, 'package', workbook, '-o', again)
    equal(result.returncode, 1, 'package with missing evidence: exit status')
    check('佐证/批复.pdf' in result.stderr, f'the missing file is named: {result.stderr!r}')
    check(not os.path.exists(again), 'nothing written for a refused package')
    cli_ok(ZIPING_CLI, 'package', workbook, '-o', again, '--force')
    with open(os.path.join(again, 'manifest.json'), encoding='utf-8') as f:
        equal(json.load(f).get('missing'), ['佐证/批复.pdf'], '--force lists the missing file')

    def escape(document):
        document['forms'][1]['evidence'] = ['../../../etc/passwd']

    hostile = variant(escape, unit, 'hostile.ziping')
    result = cli(ZIPING_CLI, 'package', hostile, '-o', os.path.join(directory, 'hostile'), '--force')
    equal(result.returncode, 0, 'a path leading out: packaged without it')
    check(not os.path.exists(os.path.join(directory, 'hostile', 'evidence')), 'nothing outside the folder is copied')


def main():
    directory = temp_dir()
    seed = seed_path()
    folder = os.path.join(directory, 'package')
    out = cli_ok(ZIPING_CLI, 'package', seed, '-o', folder).stdout
    check('9 files' in out, f'the files are counted: {out!r}')
    check_folder(folder)
    archive = os.path.join(directory, 'package.zip')
    cli_ok(ZIPING_CLI, 'package', seed, '-o', archive, '--docx')
    check_zip(archive)
    no_leftovers(directory, ['package', 'package.zip'], 'after two packages')

    # An existing target is not replaced without --force; with it, it is (and only it).
    result = cli(ZIPING_CLI, 'package', seed, '-o', folder)
    equal(result.returncode, 1, 'an existing target: exit status')
    check('exists' in result.stderr, f'an existing target is named: {result.stderr!r}')
    with open(os.path.join(folder, 'stale.txt'), 'w') as f:
        f.write('old')
    cli_ok(ZIPING_CLI, 'package', seed, '-o', folder, '--force')
    check(not os.path.exists(os.path.join(folder, 'stale.txt')), '--force replaces the old package')
    no_leftovers(directory, ['package', 'package.zip'], 'after a replacement')

    # A workbook with errors: refused, the errors listed, nothing written.
    work = os.path.join(directory, 'work')
    os.makedirs(work)

    def zero_budget(document):
        document['forms'][1]['budget'] = '0'

    broken = variant(zero_budget, work, 'broken.ziping')
    target = os.path.join(work, 'broken-package')
    result = cli(ZIPING_CLI, 'package', broken, '-o', target)
    equal(result.returncode, 1, 'a workbook with errors: exit status')
    check('error:' in result.stderr and '科技条件专项' in result.stderr, f'the errors are listed: {result.stderr!r}')
    check('--force' in result.stderr, 'the override is named')
    no_leftovers(work, ['broken.ziping'], 'a refused package')
    cli_ok(ZIPING_CLI, 'package', broken, '-o', target, '--force')
    check(os.path.isdir(target), '--force packages it all the same')

    # A target that cannot be written: an error, nothing half-written.
    blocked = os.path.join(work, 'file-not-folder')
    with open(blocked, 'w') as f:
        f.write('x')
    result = cli(ZIPING_CLI, 'package', seed, '-o', os.path.join(blocked, 'package.zip'))
    equal(result.returncode, 1, 'an unwritable target: exit status')
    no_leftovers(work, ['broken.ziping', 'broken-package', 'file-not-folder'], 'a failed package')
    check_evidence(directory)
    finish('check-package')


if __name__ == '__main__':
    main()
