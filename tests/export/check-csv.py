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
from exportlib import (check, equal, export, finish, indicator_names, seed_document,  # noqa: E402
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


def main():
    cli = sys.argv[1]
    directory = temp_dir()
    check_seed(cli, directory)
    check_quoting(cli, directory)
    check_one_form(cli, directory)
    finish('check-csv')


if __name__ == '__main__':
    main()
