#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The CSV export read from outside: UTF-8 with a byte order mark, CRLF, RFC 4180
quoting, one row per indicator of the workbook.

usage: check-csv.py ZIPING-CLI
"""
import csv
import io
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from exportlib import (HOSTILE, NUMBERS, check, equal, export, finish,  # noqa: E402
                       hostile_document, indicator_names, libreoffice_convert, seed_document,
                       seed_path, temp_dir, variant)

HEADINGS = ['表', '年度绩效目标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值',
            '分值', '得分', '偏差原因分析及改进措施']


def read(path):
    with open(path, 'rb') as f:
        data = f.read()
    check(data.startswith(b'\xef\xbb\xbf'), 'starts with a UTF-8 byte order mark')
    body = data[3:]
    check(body.endswith(b'\r\n'), 'ends with CRLF')
    text = body.decode('utf-8')
    return list(csv.reader(io.StringIO(text, newline=''))), text


def form_title(form):
    return form['unit'] if form['kind'] == 'department' else form['name']


def check_seed(cli, directory):
    rows, text = read(export(cli, seed_path(), 'csv', os.path.join(directory, 'seed.csv')))
    check('\n' not in text.replace('\r\n', ''), 'every line break is CRLF')
    equal(rows[0], HEADINGS, 'headings')
    expected = list(indicator_names(seed_document()))
    equal(len(rows) - 1, len(expected), 'one row per indicator')
    for row, (form, indicator) in zip(rows[1:], expected):
        equal(len(row), len(HEADINGS), f'{indicator["name"]}: field count')
        equal(row[0], form_title(form), f'{indicator["name"]}: form')
        equal(row[2:7], [indicator['category'], indicator['subcategory'], indicator['name'],
                         indicator['target'], indicator['actual']], f'{indicator["name"]}: texts')
        equal(row[7], indicator['weight'], f'{indicator["name"]}: weight')
        # Every seed indicator was met: its score is its weight.
        equal(row[8], indicator['weight'], f'{indicator["name"]}: score')
    equal(rows[1][1], seed_document()['forms'][0]['goals'][0]['text'], 'goal text')


def check_quoting(cli, directory):
    name = '项目 A, "引号"'
    note = '报名不足，\n下年提前"宣传"'

    def tricky(document):
        form = document['forms'][3]
        form['name'] = name
        form['goals'][0]['indicators'][0]['deviation-note'] = note
        document['forms'] = [form]
    rows, text = read(export(cli, variant(tricky, directory), 'csv', os.path.join(directory, 'q.csv')))
    equal(rows[1][0], name, 'a comma and quotes survive a round trip')
    equal(rows[1][9], note.replace('\n', '\n'), 'a line break inside a field survives')
    check('"项目 A, ""引号"""' in text, 'quotes are doubled inside a quoted field')
    equal(len(rows), 8, 'seven indicators and the headings')


def check_one_form(cli, directory):
    rows, _ = read(export(cli, seed_path(), 'csv', os.path.join(directory, 'one.csv'), '--form', '4'))
    equal({r[0] for r in rows[1:]}, {'子女统筹'}, '--form 4 exports that form only')
    equal(len(rows) - 1, 7, 'its seven indicators')


# LibreOffice's CSV import told to evaluate formulas (token 13): the most a user can
# ask of it. Field separator, quote, UTF-8, from line 1, standard cells, default
# language, quoted fields not forced to text, special numbers detected.
EVALUATING_CSV = 'Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1,true'


def lf(text):
    return text.replace('\r\n', '\n').replace('\r', '\n')


def formula_cells(xlsx):
    import openpyxl
    book = openpyxl.load_workbook(xlsx)
    return [f'{sheet.title}!{cell.coordinate}: {cell.value!r}'
            for sheet in book.worksheets for row in sheet.iter_rows() for cell in row
            if cell.data_type == 'f']


def check_formula_injection(cli, directory):
    """No field of the CSV runs as a formula when LibreOffice opens it, with its default
    import and with formulas evaluated; each text reads back whole; numbers stay numbers."""
    import openpyxl
    source = variant(hostile_document, directory, 'hostile.ziping')
    csv_path = export(cli, source, 'csv', os.path.join(directory, 'hostile.csv'))
    rows, _ = read(csv_path)
    for row in rows[1:]:
        for field in row:
            check(not field or field[0] not in '=+-@\t\r' or field in NUMBERS,
                  f'field {field!r} is neutralised')
    for name, infilter in (('default import', None), ('formulas evaluated', EVALUATING_CSV)):
        xlsx = libreoffice_convert(csv_path, directory, 'xlsx', infilter)
        equal(formula_cells(xlsx), [], f'LibreOffice ({name}): formula cells')
        if infilter is None:
            continue  # without options LibreOffice guesses the character set: texts differ
        sheet = openpyxl.load_workbook(xlsx).worksheets[0]
        shown = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]
        for csv_row, lo_row in zip(rows[1:], shown):
            for field, value in zip(csv_row, lo_row):
                if field in NUMBERS or field == csv_row[7]:
                    check(isinstance(value, (int, float)),
                          f'LibreOffice ({name}): {field!r} stays a number, got {value!r}')
                elif field[:1] == "'":
                    # A spreadsheet keeps line breaks its own way: CR reads as LF.
                    check(value in (lf(field), lf(field[1:])),
                          f'LibreOffice ({name}): {field!r} reads back as its text, got {value!r}')
        found = {v.lstrip("'") for r in shown for v in r if isinstance(v, str)}
        equal([t for t in HOSTILE if lf(t) not in found], [], f'LibreOffice ({name}): hostile texts missing')


def main():
    cli = sys.argv[1]
    directory = temp_dir()
    check_seed(cli, directory)
    check_quoting(cli, directory)
    check_one_form(cli, directory)
    check_formula_injection(cli, directory)
    finish('check-csv')


if __name__ == '__main__':
    main()
