#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The .xlsx export read from outside: openpyxl for the cells, merges, formats and page
setup as written; LibreOffice for the figures its formulas compute.

usage: check-xlsx.py ZIPING-CLI
"""
import os
import re
import sys

import openpyxl

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from exportlib import (HOSTILE, check, equal, export, finish, hostile_document,  # noqa: E402
                       libreoffice_sheets, seed_path, temp_dir, variant)

SHEETS = ['江岸区大数据中心', '科技条件专项', '公务员医疗报销', '子女统筹', '汇总表']


def merged(ws):
    return {str(r) for r in ws.merged_cells.ranges}


def check_department(ws):
    # Title, note, header block (layouts.md), then the execution block in rows 5–6.
    equal(ws['A1'].value, '2024 年度江岸区大数据中心整体绩效自评表', 'department A1')
    equal(ws['A2'].value, '金额单位：万元', 'department A2')
    equal(ws['A2'].alignment.horizontal, 'right', 'the amount unit note is right-aligned')
    equal(ws['A3'].value, '单位名称', 'department A3')
    equal(ws['B4'].value, 217.3, '基本支出总额')
    equal(ws['E4'].value, 1849.33, '项目支出总额')
    equal(ws['B6'].value, '部门整体支出总额', 'department B6')
    equal(ws['C6'].value, 2066.63, '预算数（A）')
    equal(ws['D6'].value, 2066.63, '执行数（B）')
    equal(ws['C6'].number_format, '0.00', 'amount format')
    equal(ws['E6'].value, '=D6/C6', 'execution rate formula')
    equal(ws['E6'].number_format, '0%', 'a whole rate prints 100%')
    equal(ws['F6'].value, '=ROUND(20*MIN(D6/C6,1),2)', 'execution score formula')
    equal(ws['F5'].value, '得分（20 分*执行率）', 'score heading')
    equal(ws['A7'].value, '年度绩效目标 1（20 分）', 'goal 1 label')
    equal(ws['A8'].value, '年度绩效指标', 'indicator block label')
    equal(ws['D9'].value, '数据汇集条数', 'first indicator')
    equal(ws['G9'].value, 5, 'first indicator score')
    for rng in ['A1:G1', 'A5:A6', 'F5:G5', 'F6:G6', 'B4:C4', 'E4:G4', 'B7:G7', 'A8:A12',
                'B9:B10', 'A14:A20', 'B15:B18', 'C15:C16', 'C17:C18', 'A35:F35']:
        check(rng in merged(ws), f'department sheet merges {rng}')
    equal(ws['A35'].value, '总分', '总分 label')
    equal(ws['G35'].value, '=SUM(F6,G6:G34)', 'department total formula')
    equal(ws['A36'].value, '偏差大或目标未完成原因分析', 'analysis row')
    equal(ws['A37'].value, '改进措施及结果应用方案', 'improvement row')
    equal(ws['A38'].value, '单位负责人：', 'signature block')
    equal(ws['E39'].value, '（盖章）', 'seal')
    check(ws['C6'].border.left.style == 'thin', 'table cells have borders')
    check(ws['D11'].alignment.wrap_text, 'text wraps')


def check_project(ws):
    equal(ws['A1'].value, '2024 年度江岸大数据中心项目自评表', 'project title, with the short unit as published')
    equal(ws['A2'].value, '（科技条件专项）', 'project subtitle')
    equal(ws['B6'].value, '1、部门预算项目 ☑ 2、区级专项 □ 3、专项转移支付项目 □', '项目类别')
    equal(ws['C10'].value, 0.8, 'project budget')
    equal(ws['E10'].value, '=D10/C10', 'project rate formula')
    equal(ws['A11'].value, '年度绩效目标（80 分）', 'indicator part label')
    equal(ws['B12'].value, '产出指标（40 分）', 'category label with points')
    equal(ws['B27'].value, '效益指标（30 分）', 'category label with points')
    equal(ws['B32'].value, '满意度指标（10 分）', 'category label with points')
    equal(ws['G17'].value, 2.5, 'a half-point score')
    for rng in ['A9:A10', 'A11:A34', 'B12:B26', 'C12:C16', 'C17:C20', 'C21:C24', 'C25:C26',
                'B27:B31', 'B32:B34', 'A35:F35']:
        check(rng in merged(ws), f'project sheet merges {rng}')
    equal(ws['G35'].value, '=SUM(F10,G11:G34)', 'project total formula')


def check_page_setup(ws):
    equal(ws.page_setup.paperSize, 9, f'{ws.title}: A4 paper')
    equal(ws.page_setup.orientation, 'portrait', f'{ws.title}: portrait')
    check(ws.sheet_properties.pageSetUpPr.fitToPage, f'{ws.title}: fit to page')
    # 1 is OOXML's default, which libxlsxwriter leaves out.
    check(ws.page_setup.fitToWidth in (None, 1), f'{ws.title}: one page wide')
    equal(ws.page_setup.fitToHeight, 0, f'{ws.title}: as many pages tall as needed')
    check(ws.print_title_rows is not None, f'{ws.title}: heading rows repeat on each page')
    # No print area: what prints is the used range, which is the form's grid and nothing
    # else (one defined name per sheet, not two: see zp-export-xlsx.c).
    equal(ws.print_area, None, f'{ws.title}: no print area beside the used range')
    equal(ws.min_row, 1, f'{ws.title}: the used range starts at the title')
    equal(ws.min_column, 1, f'{ws.title}: the used range starts in column A')
    check(ws.max_column <= 9, f'{ws.title}: the used range is the form columns ({ws.max_column})')
    last_text = max(c.row for row in ws.iter_rows() for c in row if c.value is not None)
    equal(ws.max_row, last_text, f'{ws.title}: the used range ends with the form')
    check('第 &P 页 共 &N 页' in (ws.oddFooter.center.text or ''), f'{ws.title}: page numbers')
    for col in 'ABCDEFG' if ws.title != '汇总表' else 'ABCDEF':
        check(ws.column_dimensions[col].width and ws.column_dimensions[col].width > 5,
              f'{ws.title}: column {col} has a width')


def check_row_heights(ws):
    # A wrapped goal text or indicator must get a taller row than a one-line one.
    if ws.title == '江岸区大数据中心':
        one_line = ws.row_dimensions[10].height
        wrapped = ws.row_dimensions[19].height  # 强化办事服务功能 … 网上政府”
        check(one_line and wrapped and wrapped > one_line * 1.5,
              f'wrapped row 19 ({wrapped}) is taller than one-line row 10 ({one_line})')


def check_summary(ws):
    equal(ws['B2'].value, '自评表', 'summary heading')
    equal(ws['B3'].value, '江岸区大数据中心', 'summary first form')
    equal(ws['C3'].value, "='江岸区大数据中心'!E6", 'summary rate refers to the form sheet')
    equal(ws['F4'].value, "='科技条件专项'!G35", 'summary total refers to the form sheet')


def check_libreoffice(path, directory):
    sheets = libreoffice_sheets(path, directory)
    equal(sorted(sheets), sorted(SHEETS), 'LibreOffice sees the sheets')
    dept = sheets['江岸区大数据中心']
    equal(dept[5][:7], ['', '部门整体支出总额', '2066.63', '2066.63', '100%', '20', ''],
          'LibreOffice: department execution row')
    equal(dept[34][0], '总分', 'LibreOffice: 总分 row')
    equal(dept[34][6], '100', 'LibreOffice: department total')
    project = sheets['科技条件专项']
    equal(project[9][1:6], ['年度财政资金总额', '0.80', '0.80', '100%', '20'],
          'LibreOffice: project execution row')
    equal(project[34][6], '100', 'LibreOffice: project total')
    summary = sheets['汇总表']
    for i, name in enumerate(SHEETS[:4]):
        equal(summary[2 + i], [str(i + 1), name, '100%', '20', '80', '100'],
              f'LibreOffice: summary row {i + 1}')


def check_recomputed_rate(cli, directory):
    """A form below 100%: LibreOffice's own figures must match Ziping's cached ones."""
    def spend_less(document):
        document['forms'][1]['spent'] = '0.69'   # 0.69 / 0.80 = 86.25%
    source = variant(spend_less, directory)
    out = export(cli, source, 'xlsx', os.path.join(directory, 'rate.xlsx'))
    cached = openpyxl.load_workbook(out, data_only=True)['科技条件专项']
    equal(cached['E10'].value, 0.8625, 'cached execution rate')
    equal(cached['F10'].value, 17.25, 'cached execution score')
    equal(cached['G35'].value, 97.25, 'cached total')
    sheets = libreoffice_sheets(out, os.path.join(directory, 'rate'))
    lo = sheets['科技条件专项']
    equal(lo[9][4:6], ['86.25%', '17.25'], 'LibreOffice recomputes the rate and score')
    equal(lo[34][6], '97.25', 'LibreOffice recomputes the total')
    summary = sheets['汇总表']
    equal(summary[3][2:], ['86.25%', '17.25', '80', '97.25'], 'LibreOffice: summary follows')


def check_override(cli, directory):
    def override(document):
        indicator = document['forms'][3]['goals'][0]['indicators'][0]
        indicator['manual-score'] = '8'
        indicator['manual-reason'] = '名单核对延误'
    out = export(cli, variant(override, directory, 'override.ziping'), 'xlsx',
                 os.path.join(directory, 'override.xlsx'))
    ws = openpyxl.load_workbook(out)['子女统筹']
    equal(ws['G12'].value, 8, 'a hand score is still a number')
    check(ws['G12'].comment is not None and '名单核对延误' in ws['G12'].comment.text,
          'a hand score carries its reason as a comment')
    equal(ws['A22'].value, '人工评分说明', 'the override row')
    check('名单核对延误' in (ws['B22'].value or ''), 'the override row gives the reason')


def check_sheet_names(cli, directory):
    names = ['a/b:c*d?e[f]g\\h', '很长的项目名称' * 6, '子女统筹', "'引号'", '汇总表']

    def rename(document):
        base = document['forms'][3]
        document['forms'] = document['forms'][:4]
        for name in names:
            form = dict(base)
            form['name'] = name
            document['forms'].append(form)
    source = variant(rename, directory, 'names.ziping')
    out = export(cli, source, 'xlsx', os.path.join(directory, 'names.xlsx'))
    wb = openpyxl.load_workbook(out)
    got = wb.sheetnames
    equal(len(got), 10, 'one sheet per form and the summary')
    for name in got:
        check(len(name) <= 31, f'sheet name {name!r} has at most 31 characters')
        check(not any(c in name for c in '[]:*?/\\'), f'sheet name {name!r} has no []:*?/\\')
        check(not name.startswith("'") and not name.endswith("'"), f'{name!r}: no edge apostrophe')
    equal(len({n.casefold() for n in got}), len(got), 'sheet names are unique')
    equal(got[-1], '汇总表', 'the summary keeps its name')
    check('子女统筹(2)' in got, f'a repeated name gets a suffix: {got}')
    check('汇总表(2)' in got, f'a form called 汇总表 gets a suffix: {got}')
    lo = libreoffice_sheets(out, os.path.join(directory, 'names'))
    summary = lo['汇总表']
    totals = [row[5] for row in summary[2:] if row and row[0]]
    equal(totals, ['100'] * 9, 'summary formulas reach every renamed sheet')


def check_single_form_and_central(cli, directory):
    out = export(cli, seed_path(), 'xlsx', os.path.join(directory, 'central.xlsx'),
                 '--form', '3', '--layout', 'central')
    wb = openpyxl.load_workbook(out)
    equal(wb.sheetnames, ['公务员医疗报销'], '--form 3 exports that form alone')
    ws = wb.active
    equal(ws['A1'].value, '项目支出绩效自评表', '10号 title')
    equal(ws['A2'].value, '（2024 年度）', '10号 subtitle')
    equal(ws['A5'].value, '项目资金（万元）', '10号 fund block')
    check('A5:A9' in merged(ws), '10号 fund label spans its five rows')
    equal([ws.cell(5, c).value for c in range(3, 9)],
          ['年初预算数', '全年预算数（A）', '全年执行数（B）', '分值', '执行率（B/A）', '得分'],
          '10号 fund headings')
    equal(ws['F6'].value, 20, '10号 execution weight')
    equal(ws['F7'].value, '—', '10号 sub-row 分值 is —')
    equal(ws['H7'].value, '—', '10号 sub-row 得分 is —')
    equal(ws['I12'].value, '偏差原因分析及改进措施', '10号 deviation column')
    equal(ws['B13'].value, '产出指标（40分）', '10号 category label')
    equal(ws['G13'].value, 10, '10号 分值 column')
    lo = libreoffice_sheets(out, os.path.join(directory, 'central'))
    sheet = lo['公务员医疗报销']
    total = next(row for row in sheet if row and row[0] == '总分')
    equal(total[6:8], ['100', '100'], 'LibreOffice: 10号 总分 row (weights, score)')


def check_streamed(cli, directory):
    """A form of thousands of rows is streamed (constant-memory mode): the same cells,
    merges and formulas must come out."""
    import zipfile

    def lengthen(document):
        indicators = document['forms'][1]['goals'][0]['indicators']
        extra = [dict(indicators[0], name=f'加长 {i}', weight='0') for i in range(2100)]
        indicators[1:1] = extra
    source = variant(lengthen, directory, 'long.ziping')
    out = export(cli, source, 'xlsx', os.path.join(directory, 'long.xlsx'))
    with zipfile.ZipFile(out) as z:
        xml = z.read('xl/worksheets/sheet2.xml').decode()
    check('t="inlineStr"' in xml, 'the long sheet was streamed (inline strings)')
    ws = openpyxl.load_workbook(out)['科技条件专项']
    equal(ws['B12'].value, '产出指标（40 分）', 'streamed: category label')
    equal(ws['D2112'].value, '加长 2099', 'streamed: last added row')
    for rng in ['A9:A10', 'F9:G9', 'A11:A2134', 'B12:B2126', 'C12:C2116', 'A2135:F2135', 'A2138:B2138']:
        check(rng in merged(ws), f'streamed sheet merges {rng}')
    equal(ws['G2135'].value, '=SUM(F10,G11:G2134)', 'streamed: total formula')
    lo = libreoffice_sheets(out, os.path.join(directory, 'long'))
    equal(lo['科技条件专项'][2134][6], '100', 'LibreOffice: streamed total')
    equal(lo['汇总表'][3][5], '100', 'LibreOffice: summary of the streamed form')


def check_hostile_texts(cli, directory):
    """Texts that would run as formulas are stored as strings: the formulas in the file
    are Ziping's own (rates, scores, totals), none of them a sender's."""
    source = variant(hostile_document, directory, 'hostile.ziping')
    book = openpyxl.load_workbook(export(cli, source, 'xlsx', os.path.join(directory, 'hostile.xlsx')))
    strings, formulas = set(), []
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == 's':
                    # A carriage return is stored escaped, as the format wants.
                    strings.add(cell.value.replace('_x000D_', '\r'))
                elif cell.data_type == 'f':
                    # The summary's references name the sheet: the title, quoted.
                    formulas.append(re.sub(r"'(?:[^']|'')*'!", '', cell.value))
    equal([t for t in HOSTILE if t not in strings], [], 'hostile texts stored as strings')
    check(formulas, 'the sheet has its own formulas')
    equal([f for f in formulas if any(w in f for w in ('evil', 'cmd', 'DDE', '1+1', 'SUM(1'))], [],
          'no sender text among the formulas')


def merged_range_at(ws, coordinate):
    return next((r for r in ws.merged_cells.ranges if coordinate in r), None)


def continued_text(ws, label):
    """The text beside `label` in column A, read down over the rows the label spans."""
    row = next(c.row for c in ws['A'] if c.value == label)
    merge = merged_range_at(ws, f'A{row}')
    last = merge.max_row if merge else row
    return [ws.cell(r, 2).value or '' for r in range(row, last + 1)], row, last


def check_long_texts(cli, directory):
    """A text past a cell's 32,767 characters (and past what a 409-point row prints) is
    continued over rows below it, whole; the formulas below it still add up."""
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    analysis = ''.join(f'第{i:05d}句分析；' for i in range(10001))[:100001]
    name = ('很长的指标名称' * 6000) + '结束'
    target = ('很长的目标值' * 3000) + '完'  # the actual restates it: the score stays

    def long_texts(document):
        form = document['forms'][3]
        form['analysis'] = analysis
        form['goals'][0]['indicators'][0]['name'] = name
        form['goals'][0]['indicators'][0]['target'] = target
        form['goals'][0]['indicators'][0]['actual'] = target
        document['forms'] = [form]
    source = variant(long_texts, directory, 'long-texts.ziping')
    out = export(cli, source, 'xlsx', os.path.join(directory, 'long-texts.xlsx'))
    ws = openpyxl.load_workbook(out)['子女统筹']
    pieces, first, last = continued_text(ws, '偏差大或目标未完成原因分析')
    equal(len(''.join(pieces)), len(analysis), 'characters of the analysis in the sheet')
    check(''.join(pieces) == analysis, 'the analysis reads whole, in order, over its rows')
    check(len(pieces) > 20, f'the analysis is continued over many rows ({len(pieces)})')
    check(max(map(len, pieces)) <= 32767, 'no cell holds more than 32,767 characters')
    for r in range(first, last + 1):
        check((ws.row_dimensions[r].height or 0) <= 409, f'row {r} is at most 409 points high')
    # The first indicator's name, in the grid, under merged categories: continued too.
    names = [c.value for c in ws['D'] if isinstance(c.value, str) and c.value.startswith('很长')]
    equal(''.join(names), name, 'the long indicator name reads whole over its rows')
    check(len(names) > 1, f'the long name is continued ({len(names)} rows)')
    # Its target and actual, as long, in the same row: each continued in its own column,
    # over the rows its score (merged down) spans.
    first = next(c.row for c in ws['D'] if isinstance(c.value, str) and c.value.startswith('很长'))
    merge = merged_range_at(ws, f'G{first}')
    last = merge.max_row if merge else first
    for col, what in (('E', 'target'), ('F', 'actual')):
        pieces = [ws[f'{col}{r}'].value or '' for r in range(first, last + 1)]
        equal(''.join(pieces), target, f'the long {what} beside the name reads whole over its rows')
    lo = libreoffice_sheets(out, os.path.join(directory, 'long-texts'))
    total = next(row for row in lo['子女统筹'] if row and row[0] == '总分')
    equal(total[6], '100', 'LibreOffice: the total adds up below the continued name')
    equal(lo['汇总表'][2][2:6], ['100%', '20', '80', '100'], 'LibreOffice: the summary finds the moved figures')


def main():
    cli = sys.argv[1]
    directory = temp_dir()
    path = export(cli, seed_path(), 'xlsx', os.path.join(directory, 'seed.xlsx'))
    wb = openpyxl.load_workbook(path)
    equal(wb.sheetnames, SHEETS, 'sheet names')
    check_department(wb['江岸区大数据中心'])
    check_project(wb['科技条件专项'])
    check_summary(wb['汇总表'])
    for ws in wb.worksheets:
        check_page_setup(ws)
        check_row_heights(ws)
    check_libreoffice(path, directory)
    check_recomputed_rate(cli, directory)
    check_sheet_names(cli, directory)
    check_single_form_and_central(cli, directory)
    check_streamed(cli, directory)
    check_override(cli, directory)
    check_hostile_texts(cli, directory)
    check_long_texts(cli, directory)
    finish('check-xlsx')


if __name__ == '__main__':
    main()
