# SPDX-License-Identifier: GPL-3.0-or-later
"""What the report checks share, beside tests/export/exportlib.py: the CLI, LibreOffice
Writer turning .docx into PDF, poppler reading PDF, and figures taken from the workbook
file itself (not from Ziping), so that a check cannot agree with a wrong computation."""
import os
import re
import subprocess
import sys
from decimal import Decimal, ROUND_HALF_UP

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'export'))
from exportlib import check, equal, fail, finish, seed_document, seed_path, temp_dir, tool, variant, write_document  # noqa: E402,F401


def cli(ziping_cli, *args):
    return subprocess.run([ziping_cli, *args], capture_output=True, text=True)


def cli_ok(ziping_cli, *args):
    result = cli(ziping_cli, *args)
    if result.returncode != 0:
        print(f'FAIL: ziping-cli {" ".join(args)} exited {result.returncode}: {result.stderr}', file=sys.stderr)
        sys.exit(1)
    return result


def squeeze(text):
    return re.sub(r'\s+', '', text)


def pdf_text(path):
    """The text without the page numbers ("- 2 -"), which fall between a page's lines."""
    text = subprocess.run([tool('pdftotext'), '-raw', path, '-'], capture_output=True, text=True, check=True).stdout
    return '\n'.join(line for line in text.splitlines() if not re.fullmatch(r'\s*- \d+ -\s*', line))


def pdf_pages(path):
    info = subprocess.run([tool('pdfinfo'), path], capture_output=True, text=True, check=True).stdout
    for line in info.splitlines():
        if line.startswith('Pages:'):
            return int(line.split()[1])
    return 0


def pdf_page_size(path):
    info = subprocess.run([tool('pdfinfo'), path], capture_output=True, text=True, check=True).stdout
    for line in info.splitlines():
        if line.startswith('Page size:'):
            return line.split(':', 1)[1].strip()
    return ''


def writer_to_pdf(paths, directory):
    """Each .docx converted to PDF by LibreOffice Writer (a fresh profile): {docx: pdf}."""
    soffice = tool('soffice')
    profile = os.path.join(directory, 'lo-profile-%d' % len(os.listdir(directory)))
    outdir = os.path.join(directory, 'lo-pdf')
    os.makedirs(outdir, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k not in ('G_DEBUG', 'MALLOC_CHECK_')}
    result = subprocess.run(
        [soffice, '--headless', '-env:UserInstallation=file://' + profile,
         '--convert-to', 'pdf:writer_pdf_Export', '--outdir', outdir, *paths],
        capture_output=True, text=True, timeout=240, env=env)
    converted = {}
    for path in paths:
        pdf = os.path.join(outdir, os.path.splitext(os.path.basename(path))[0] + '.pdf')
        if check(os.path.exists(pdf), f'LibreOffice Writer opened {os.path.basename(path)}: {result.stderr}'):
            converted[path] = pdf
    return converted


def amount(text):
    """A typed amount as the forms print it: two places, half up."""
    return str(Decimal(text).quantize(Decimal('0.01'), rounding=ROUND_HALF_UP))


def percent(part, whole):
    value = (Decimal(part) / Decimal(whole) * 100).quantize(Decimal('0.01'), rounding=ROUND_HALF_UP)
    return ('%d%%' % value) if value == value.to_integral_value() else f'{value}%'


def projects(document):
    return [form for form in document['forms'] if form['kind'] == 'project']


def department(document):
    for form in document['forms']:
        if form['kind'] == 'department':
            return form
    return None
