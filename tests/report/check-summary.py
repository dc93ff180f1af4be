#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The 汇总表 from outside: `ziping-cli summary FILE -o` as .xlsx (openpyxl, and LibreOffice
Calc recalculating its formulas), CSV, JSON, .docx (LibreOffice Writer) and PDF (poppler);
across a folder of workbooks, one row per unit and form with the checks of each. Figures
are computed here from the workbook files.

usage: check-summary.py ZIPING-CLI
"""
import csv
import json
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from reportlib import (amount, check, cli, cli_ok, equal, finish, pdf_page_size, pdf_text,  # noqa: E402
                       percent, projects, seed_document, seed_path, squeeze, temp_dir, variant,
                       writer_to_pdf)
from exportlib import libreoffice_sheets  # noqa: E402

ZIPING_CLI = sys.argv[1]
HEADINGS = ['序号', '项目名称', '项目类别', '全年预算数', '全年执行数', '执行率', '执行得分', '指标得分',
            '自评总分', '等级', '未完成指标数', '偏差说明']


def expected_rows(document):
    rows = []
    for i, form in enumerate(projects(document), 1):
        rows.append([str(i), form['name'], '部门预算项目', amount(form['budget']), amount(form['spent']),
                     percent(form['spent'], form['budget']), '20', '80', '100', '优', '0', '—'])
    return rows


def check_csv(path, document):
    with open(path, encoding='utf-8', newline='') as f:
        text = f.read()
    check(text.startswith('\ufeff'), 'CSV starts with a byte order mark')
    check('\r\n' in text, 'CSV lines end with CRLF')
    rows = list(csv.reader(text.lstrip('\ufeff').splitlines()))
    equal(rows[0], HEADINGS, 'CSV headings')
    expected = expected_rows(document)
    equal(rows[1:1 + len(expected)], expected, 'CSV rows')
    total = sum(Decimal(f['budget']) for f in projects(document))
    equal(rows[1 + len(expected)][:6], ['合计', '', '', amount(total), amount(total), '100%'], 'CSV totals')
    equal(rows[2 + len(expected)][0], '等级分布：优 3 个，良 0 个，中 0 个，差 0 个', 'CSV grade counts')


def check_xlsx(path, directory, document):
    import openpyxl

    ws = openpyxl.load_workbook(path).active
    equal(ws.title, '汇总表', 'sheet name')
    equal([c.value for c in ws[3]], HEADINGS, 'xlsx headings')
    equal(ws['D4'].value, 0.8, 'xlsx 科技条件专项 budget is a number')
    equal(ws['D7'].value, '=SUM(D4:D6)', 'xlsx total budget is a formula')
    calc = libreoffice_sheets(path, directory)['汇总表']
    equal(calc[6][:6], ['合计', '', '', '1.31', '1.31', '100%'], 'LibreOffice recalculates the totals')
    equal(calc[3][:4], ['1', '科技条件专项', '部门预算项目', '0.80'], 'LibreOffice shows the first row')


def main():
    directory = temp_dir()
    seed = seed_path()
    document = seed_document()
    outputs = {ext: os.path.join(directory, 'summary.' + ext) for ext in ('xlsx', 'csv', 'json', 'docx', 'pdf')}
    for out in outputs.values():
        cli_ok(ZIPING_CLI, 'summary', seed, '-o', out)

    check_csv(outputs['csv'], document)
    check_xlsx(outputs['xlsx'], directory, document)
    with open(outputs['json'], encoding='utf-8') as f:
        rows = json.load(f)
    equal([r['title'] for r in rows], [f['name'] for f in projects(document)], 'JSON rows are the projects')
    equal(rows[0]['budget'], '0.80', 'JSON budget of 科技条件专项')
    equal(rows[0]['grade'], '优', 'JSON grade')
    equal(rows[0]['deviation_notes'], 'not-needed', 'JSON deviation notes')

    flat = squeeze(pdf_text(outputs['pdf']))
    for text in ['2024年度江岸区大数据中心项目支出绩效自评汇总表', '科技条件专项', '0.80', '合计', '1.31',
                 '等级分布：优3个，良0个，中0个，差0个']:
        check(text in flat, f'PDF shows {text}')
    check(pdf_page_size(outputs['pdf']).startswith(('595.28 x 841.89', '841.89 x 595.28')), 'PDF is A4')
    converted = writer_to_pdf([outputs['docx']], directory)
    if outputs['docx'] in converted:
        flat = squeeze(pdf_text(converted[outputs['docx']]))
        for text in HEADINGS + ['科技条件专项', '0.80', '合计', '1.31']:
            check(text in flat, f'.docx in Writer shows {text}')

    # Across a folder: a second unit with a missed indicator and no note.
    folder = os.path.join(directory, 'units')
    os.makedirs(folder)
    shutil.copy(seed, os.path.join(folder, 'a.ziping'))

    def other_unit(doc):
        doc['unit'] = '区职业技能培训中心'
        doc['forms'][1]['goals'][0]['indicators'][0]['actual'] = '2 次'

    variant(other_unit, folder, 'b.ziping')
    across = os.path.join(directory, 'across.csv')
    cli_ok(ZIPING_CLI, 'summary', folder, '-o', across)
    with open(across, encoding='utf-8-sig', newline='') as f:
        rows = list(csv.reader(f))
    equal(rows[0][:3] + rows[0][-2:], ['序号', '单位', '年度', '错误', '警告'], 'across: unit, year and checks')
    equal(len(rows), 1 + 8 + 2, 'across: one row per unit and form, totals, grades')
    equal([r[1] for r in rows[1:9]], ['江岸区大数据中心'] * 4 + ['区职业技能培训中心'] * 4, 'across: the units in file order')
    equal(rows[6][13], '缺', 'across: the missed indicator has no note')
    check(int(rows[6][14]) >= 1, 'across: the missing note is an error')
    across_docx = os.path.join(directory, 'across.docx')
    cli_ok(ZIPING_CLI, 'summary', folder, '-o', across_docx)
    converted = writer_to_pdf([across_docx], directory)
    if across_docx in converted:
        check(pdf_page_size(converted[across_docx]).startswith('841'), 'the roll-up .docx is landscape A4')
        flat = squeeze(pdf_text(converted[across_docx]))
        check('区职业技能培训中心' in flat and '警告' in flat, 'the roll-up .docx shows the units and the checks')
    result = cli(ZIPING_CLI, 'summary', folder, '--format', 'xlsx')
    equal(result.returncode, 2, 'summary --format xlsx without -o')
    finish('check-summary')


from decimal import Decimal  # noqa: E402

if __name__ == '__main__':
    main()
