#!/usr/bin/env python3
"""make-fixtures.py OUTDIR EXAMPLE.ziping — the import suite's spreadsheets.

Our own writer (zipfile + hand-written XML), not Ziping's exporter: so that the importer
is tested against files it did not produce. It writes what real files do: WPS-style empty
leading rows and columns, 分散对齐 labels ("预 算 数"), numbers stored as binary floats
(0.7999999999999999, 1848.8199999999999), percentages with a percent format, formulas
with cached values, line breaks in cells, an unrelated first sheet, merged cells, shared
and inline strings. Every layout Ziping reads gets a file; the seed's four forms (taken
from the bundled example) are laid out as the seed prints them.

SPDX-License-Identifier: GPL-3.0-or-later
"""
import html
import json
import os
import sys
import zipfile
from xml.sax.saxutils import escape

GENERAL, AMOUNT, PERCENT, PERCENT2, CUSTOM2 = 0, 1, 2, 3, 4


def col_name(c):
    s = ''
    c += 1
    while c:
        c, r = divmod(c - 1, 26)
        s = chr(65 + r) + s
    return s


def ref(r, c):
    return '%s%d' % (col_name(c), r + 1)


class Sheet:
    def __init__(self, name, row0=0, col0=0):
        self.name = name
        self.cells = {}
        self.merges = []
        self.row = row0      # the next row to write
        self.col0 = col0     # WPS-style empty leading columns

    def text(self, r, c, value, span=(1, 1), inline=False):
        self.cells[(r, c)] = ('inline' if inline else 's', value, GENERAL, None)
        self._merge(r, c, span)

    def number(self, r, c, stored, style=GENERAL, formula=None, span=(1, 1)):
        """stored: the float as the file writes it ("0.7999999999999999")."""
        self.cells[(r, c)] = ('n', stored, style, formula)
        self._merge(r, c, span)

    def formula_text(self, r, c, value, formula):
        self.cells[(r, c)] = ('str', value, GENERAL, formula)

    def _merge(self, r, c, span):
        rows, cols = span
        if rows > 1 or cols > 1:
            self.merges.append((r, c, r + rows - 1, c + cols - 1))

    def extend_merge_down(self, r, c, last_row):
        for i, m in enumerate(self.merges):
            if m[0] == r and m[1] == c:
                self.merges[i] = (m[0], m[1], last_row, m[3])
                return
        self.merges.append((r, c, last_row, c))


# .xlsx ---------------------------------------------------------------------------------

STYLES = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="1"><numFmt numFmtId="176" formatCode="0.00_ &quot;分&quot;"/></numFmts>
<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts>
<fills count="1"><fill><patternFill patternType="none"/></fill></fills>
<borders count="1"><border/></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="5">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="176" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
</cellXfs>
</styleSheet>'''


def write_xlsx(path, sheets):
    strings, index = [], {}

    def sst(value):
        if value not in index:
            index[value] = len(strings)
            strings.append(value)
        return index[value]

    def sheet_xml(sheet):
        out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
               'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
               '<sheetData>']
        rows = sorted({r for r, _ in sheet.cells})
        for r in rows:
            out.append('<row r="%d">' % (r + 1))
            for c in sorted(c for rr, c in sheet.cells if rr == r):
                kind, value, style, formula = sheet.cells[(r, c)]
                a = 'r="%s"' % ref(r, c)
                if style:
                    a += ' s="%d"' % style
                f = '<f>%s</f>' % escape(formula) if formula else ''
                if kind == 's':
                    out.append('<c %s t="s"><v>%d</v></c>' % (a, sst(value)))
                elif kind == 'inline':
                    out.append('<c %s t="inlineStr"><is><t xml:space="preserve">%s</t></is></c>'
                               % (a, escape(value)))
                elif kind == 'str':
                    out.append('<c %s t="str">%s<v>%s</v></c>' % (a, f, escape(value)))
                else:
                    out.append('<c %s>%s<v>%s</v></c>' % (a, f, value))
            out.append('</row>')
        out.append('</sheetData>')
        if sheet.merges:
            out.append('<mergeCells count="%d">' % len(sheet.merges))
            for m in sheet.merges:
                out.append('<mergeCell ref="%s:%s"/>' % (ref(m[0], m[1]), ref(m[2], m[3])))
            out.append('</mergeCells>')
        out.append('</worksheet>')
        return ''.join(out)

    parts = {}
    for i, sheet in enumerate(sheets):
        parts['xl/worksheets/sheet%d.xml' % (i + 1)] = sheet_xml(sheet)
    sst_xml = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
               'count="%d" uniqueCount="%d">' % (len(strings), len(strings))]
    for s in strings:
        # A phonetic guide (rPh) must not become part of the text.
        sst_xml.append('<si><t xml:space="preserve">%s</t><rPh sb="0" eb="1"><t>ピン</t></rPh></si>'
                       % escape(s))
    sst_xml.append('</sst>')
    parts['xl/sharedStrings.xml'] = ''.join(sst_xml)
    parts['xl/styles.xml'] = STYLES
    parts['xl/workbook.xml'] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
        + ''.join('<sheet name="%s" sheetId="%d" r:id="rId%d"/>' % (escape(s.name), i + 1, i + 1)
                  for i, s in enumerate(sheets))
        + '</sheets></workbook>')
    parts['xl/_rels/workbook.xml.rels'] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + ''.join('<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>' % (i + 1, i + 1)
                  for i in range(len(sheets)))
        + '<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
        + '<Relationship Id="rIdY" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
        + '</Relationships>')
    parts['_rels/.rels'] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        '</Relationships>')
    parts['[Content_Types].xml'] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        + ''.join('<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' % (i + 1)
                  for i in range(len(sheets)))
        + '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        '</Types>')
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        for name in ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml',
                     'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/sharedStrings.xml']:
            z.writestr(name, parts.pop(name))
        for name, data in parts.items():
            z.writestr(name, data)


# SpreadsheetML 2003 and HTML ------------------------------------------------------------

SS_FORMATS = {AMOUNT: '0.00', PERCENT: '0%', PERCENT2: '0.00%', CUSTOM2: 'Fixed'}


def covered(sheet):
    cov = {}
    for m in sheet.merges:
        for r in range(m[0], m[2] + 1):
            for c in range(m[1], m[3] + 1):
                if (r, c) != (m[0], m[1]):
                    cov[(r, c)] = True
    return cov


def spans(sheet):
    return {(m[0], m[1]): (m[2] - m[0], m[3] - m[1]) for m in sheet.merges}


def write_spreadsheetml(path, sheets):
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n<?mso-application progid="Excel.Sheet"?>\n'
           '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
           'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">\n<Styles>']
    for style, fmt in SS_FORMATS.items():
        out.append('<Style ss:ID="s%d"><NumberFormat ss:Format="%s"/></Style>' % (style, fmt))
    out.append('</Styles>\n')
    for sheet in sheets:
        cov, sp = covered(sheet), spans(sheet)
        out.append('<Worksheet ss:Name="%s"><Table>\n' % escape(sheet.name))
        for r in sorted({r for r, _ in sheet.cells}):
            out.append('<Row ss:Index="%d">' % (r + 1))
            for c in sorted(c for rr, c in sheet.cells if rr == r):
                if (r, c) in cov:
                    continue
                kind, value, style, formula = sheet.cells[(r, c)]
                a = ' ss:Index="%d"' % (c + 1)
                if (r, c) in sp:
                    down, across = sp[(r, c)]
                    if across:
                        a += ' ss:MergeAcross="%d"' % across
                    if down:
                        a += ' ss:MergeDown="%d"' % down
                if style:
                    a += ' ss:StyleID="s%d"' % style
                if formula:
                    a += ' ss:Formula="=%s"' % escape(formula, {'"': '&quot;'})
                t = 'Number' if kind == 'n' else 'String'
                out.append('<Cell%s><Data ss:Type="%s">%s</Data></Cell>'
                           % (a, t, escape(value).replace('\n', '&#10;')))
            out.append('</Row>\n')
        out.append('</Table></Worksheet>\n')
    out.append('</Workbook>\n')
    with open(path, 'w', encoding='utf-8') as f:
        f.write(''.join(out))


def write_html(path, sheets):
    """As web systems save ".xls": one table per sheet, numbers as shown."""
    out = ['<html xmlns:x="urn:schemas-microsoft-com:office:excel">\n<head><meta charset="utf-8">'
           '</head><body>\n']
    for sheet in sheets:
        cov, sp = covered(sheet), spans(sheet)
        out.append('<table border="1">\n')
        rows = sorted({r for r, _ in sheet.cells})
        for r in range(0, rows[-1] + 1):
            out.append('<tr>')
            last = max([c for rr, c in sheet.cells if rr == r] + [0])
            for c in range(0, last + 1):
                if (r, c) in cov:
                    continue
                kind, value, style, _ = sheet.cells.get((r, c), ('s', '', 0, None))
                if kind == 'n':
                    value = shown(value, style)
                a = ''
                if (r, c) in sp:
                    down, across = sp[(r, c)]
                    if across:
                        a += ' colspan="%d"' % (across + 1)
                    if down:
                        a += ' rowspan="%d"' % (down + 1)
                out.append('<td%s>%s</td>' % (a, html.escape(value).replace('\n', '<br>')))
            out.append('</tr>\n')
        out.append('</table>\n')
    out.append('</body></html>\n')
    with open(path, 'w', encoding='utf-8') as f:
        f.write(''.join(out))


def shown(stored, style):
    v = float(stored)
    if style == AMOUNT:
        return '%.2f' % v
    if style == PERCENT:
        return '%.0f%%' % (v * 100)
    if style == PERCENT2:
        return '%.2f%%' % (v * 100)
    return ('%.15g' % v)


# Storing numbers as binary floats ---------------------------------------------------------

def stored_float(text):
    """The float a spreadsheet program stores for `text`, written with 17 digits
    (1848.82 → 1848.8199999999999, 0.8 → 0.80000000000000004)."""
    return repr(float(text)) if len(repr(float(text))) > 17 else '%.17g' % float(text)


# The seed's layouts (layouts.md) --------------------------------------------------------------

CHOICES = {
    'project-category': ['部门预算项目', '区级专项', '专项转移支付项目'],
    'project-attribute': ['持续性项目', '新增性项目'],
    'project-type': ['常年性项目', '延续性项目', '一次性项目'],
}
CHOICE_VALUES = {
    'project-category': ['department-budget', 'special', 'transfer'],
    'project-attribute': ['continuing', 'new'],
    'project-type': ['recurrent', 'extended', 'one-off'],
}


def choice_line(key, value):
    labels = CHOICES[key]
    chosen = CHOICE_VALUES[key].index(value) if value in CHOICE_VALUES[key] else 0
    return ' '.join('%d、%s %s' % (i + 1, l, '☑' if i == chosen else '□') for i, l in enumerate(labels))


def runs(items, key):
    """(start, length) of consecutive equal keys."""
    out, start = [], 0
    for i in range(1, len(items) + 1):
        if i == len(items) or key(items[i]) != key(items[start]):
            out.append((start, i - start))
            start = i
    return out


def execution_block(sh, form, label):
    c0, r = sh.col0, sh.row
    sh.text(r, c0, '预算执行情况\n（万元）（20 分）', span=(2, 1))
    sh.text(r, c0 + 2, '预 算 数（A）')
    sh.text(r, c0 + 3, '执 行 数（B）')
    sh.text(r, c0 + 4, '执行率（B/A）')
    sh.text(r, c0 + 5, '得分（20 分*执行率）', span=(1, 2))
    r += 1
    sh.text(r, c0 + 1, label)
    sh.number(r, c0 + 2, stored_float(form['budget']), AMOUNT)
    sh.number(r, c0 + 3, stored_float(form['spent']), AMOUNT)
    # Cached values as a spreadsheet computed them, float noise included.
    sh.number(r, c0 + 4, '0.99999999999999989', PERCENT, formula='%s/%s' % (ref(r, c0 + 3), ref(r, c0 + 2)))
    sh.number(r, c0 + 5, '20', GENERAL, formula='ROUND(20*MIN(%s,1),2)' % ref(r, c0 + 4), span=(1, 2))
    sh.row = r + 1
    return r


def indicator_rows(sh, indicators, points):
    c0 = sh.col0
    first = sh.row
    for start, n in runs(indicators, lambda i: i['category']):
        cat = indicators[start]['category']
        label = '%s（%s 分）' % (cat, points[cat]) if points else cat
        sh.text(first + start, c0 + 1, label, span=(n, 1))
        for s2, n2 in runs(indicators[start:start + n], lambda i: i['subcategory']):
            sh.text(first + start + s2, c0 + 2, indicators[start + s2]['subcategory'], span=(n2, 1))
    for k, ind in enumerate(indicators):
        r = first + k
        sh.text(r, c0 + 3, ind['name'], inline=(k % 3 == 0))
        sh.text(r, c0 + 4, ind['target'])
        sh.text(r, c0 + 5, ind['actual'])
        # All the seed's rows are met: the printed score is the weight (2.5 as a float
        # with noise, shown as 2.5).
        w = ind['weight']
        sh.number(r, c0 + 6, '2.4999999999999996' if w == '2.5' else stored_float(w))
    sh.row = first + len(indicators)
    return first, sh.row - 1


def total_and_analysis(sh, first_score_row, last_score_row, exec_row, total='100'):
    c0, r = sh.col0, sh.row
    sh.text(r, c0, '总　　分', span=(1, 6))
    sh.number(r, c0 + 6, total, formula='SUM(%s,%s:%s)' % (ref(exec_row, c0 + 5), ref(first_score_row, c0 + 6),
                                                        ref(last_score_row, c0 + 6)))
    sh.text(r + 1, c0, '偏差大或目标未完成原因分析')
    sh.text(r + 2, c0, '改进措施及结果应用方案')
    sh.text(r + 3, c0, '单位负责人：', span=(1, 2))
    sh.text(r + 3, c0 + 2, '填报人：', span=(1, 2))
    sh.row = r + 5


def project_form(sh, wb, form):
    c0, r = sh.col0, sh.row
    sh.text(r, c0, '%d 年度%s项目自评表' % (wb['year'], wb.get('unit-short') or wb['unit']), span=(1, 7))
    sh.text(r + 1, c0, '（%s）' % form['name'], span=(1, 7))
    sh.text(r + 2, c0 + 5, '金额单位：万元', span=(1, 2))
    sh.text(r + 3, c0, '项 目 名 称')
    sh.text(r + 3, c0 + 1, form['name'], span=(1, 6))
    sh.text(r + 4, c0, '主管部门')
    sh.text(r + 4, c0 + 1, form['department'], span=(1, 2))
    sh.text(r + 4, c0 + 3, '项目实施单位')
    sh.text(r + 4, c0 + 4, form['implementer'], span=(1, 3))
    for k, (key, label) in enumerate([('project-category', '项目类别'), ('project-attribute', '项目属性'),
                                      ('project-type', '项目类型')]):
        sh.text(r + 5 + k, c0, label)
        sh.text(r + 5 + k, c0 + 1, choice_line(key, form.get(key, CHOICE_VALUES[key][0])), span=(1, 6))
    sh.row = r + 8
    exec_row = execution_block(sh, form, '年度财政资金总额')
    header = sh.row
    for k, h in enumerate(['一级指标', '二级指标', '具体指标名称', '年初目标值（A）', '实际完成值（B）', '得  分']):
        sh.text(header, c0 + 1 + k, h)
    sh.row += 1
    indicators = form['goals'][0]['indicators']
    first, last = indicator_rows(sh, indicators, {'产出指标': '40', '效益指标': '30', '满意度指标': '10'})
    sh.text(header, c0, '年度绩效目标\n（80 分）', span=(last - header + 1, 1))
    total_and_analysis(sh, first, last, exec_row)


def department_form(sh, wb, form):
    c0, r = sh.col0, sh.row
    sh.text(r, c0, '%d 年度%s整体绩效自评表' % (wb['year'], form['unit']), span=(1, 7))
    sh.text(r + 1, c0 + 5, '金额单位：万元', span=(1, 2))
    sh.text(r + 2, c0, '单 位 名 称')
    sh.text(r + 2, c0 + 1, form['unit'], span=(1, 6))
    sh.text(r + 3, c0, '基本支出总额')
    sh.number(r + 3, c0 + 1, stored_float(form['basic-expenditure']), AMOUNT, span=(1, 2))
    sh.text(r + 3, c0 + 3, '项目支出总额')
    sh.number(r + 3, c0 + 4, stored_float(form['project-expenditure']), AMOUNT, span=(1, 3))
    sh.row = r + 4
    exec_row = execution_block(sh, form, '部门整体支出总额')
    first_score = sh.row
    last = sh.row
    for g, goal in enumerate(form['goals']):
        sh.text(sh.row, c0, '年度绩效目标 %d（%s 分）' % (g + 1, goal['weight']))
        sh.text(sh.row, c0 + 1, goal['text'], span=(1, 6))
        sh.row += 1
        header = sh.row
        for k, h in enumerate(['一级指标', '二级指标', '三级指标', '年初目标值（A）', '实际完成值（B）', '得分']):
            sh.text(header, c0 + 1 + k, h)
        sh.row += 1
        _, last = indicator_rows(sh, goal['indicators'], None)
        sh.text(header, c0, '年度绩效指标', span=(last - header + 1, 1))
    total_and_analysis(sh, first_score, last, exec_row)


def seed_sheets(example):
    wb = json.load(open(example, encoding='utf-8'))
    intro = Sheet('填报说明')
    intro.text(0, 0, '填报说明：本表由各单位填报，金额单位为万元。')
    intro.text(1, 0, '联系人')
    intro.number(1, 1, '85760000')
    dept = Sheet('整体自评表', row0=2, col0=1)    # WPS: two empty rows, one empty column
    projects = Sheet('项目自评表', row0=1, col0=0)
    for form in wb['forms']:
        if form['kind'] == 'department':
            department_form(dept, wb, form)
        else:
            project_form(projects, wb, form)
            projects.row += 2  # several tables on one sheet
    for sh in (dept, projects):
        for (r, c), v in list(sh.cells.items()):
            pass
    return [intro, dept, projects]


# The other layouts ---------------------------------------------------------------------------

def central_sheet():
    """财预〔2020〕10号 project form: 分值 and 偏差原因 columns, fund sub-rows."""
    sh = Sheet('10号项目表')
    t = sh.text
    t(0, 0, '项目支出绩效自评表', span=(1, 9))
    t(1, 0, '（2024 年度）', span=(1, 9))
    t(2, 0, '项目名称'); t(2, 1, '城市道路养护', span=(1, 8))
    t(3, 0, '主管部门'); t(3, 1, '区城管局', span=(1, 3)); t(3, 4, '实施单位'); t(3, 5, '区道路养护中心', span=(1, 4))
    t(4, 0, '项目资金（万元）', span=(4, 1))
    for k, h in enumerate(['', '年初预算数', '全年预算数（A）', '全年执行数（B）', '分值', '执行率（B/A）', '得分']):
        if h:
            t(4, 1 + k, h, span=(1, 2) if h == '得分' else (1, 1))
    t(5, 1, '年度资金总额')
    sh.number(5, 2, '200', AMOUNT); sh.number(5, 3, '250', AMOUNT); sh.number(5, 4, '215.45760000000001', AMOUNT)
    sh.number(5, 5, '10')
    sh.number(5, 6, '0.86183040000000005', PERCENT2, formula='E6/D6')
    sh.number(5, 7, '8.6199999999999992', GENERAL, formula='ROUND(10*MIN(G6,1),2)', span=(1, 2))
    t(6, 1, '其中：当年财政拨款')
    sh.number(6, 2, '200', AMOUNT); sh.number(6, 3, '230', AMOUNT); sh.number(6, 4, '200', AMOUNT)
    t(7, 1, '上年结转资金')
    sh.number(7, 2, '0', AMOUNT); sh.number(7, 3, '20', AMOUNT); sh.number(7, 4, '15.4576', AMOUNT)
    t(8, 0, '年度总体目标', span=(2, 1)); t(8, 1, '预期目标', span=(1, 4)); t(8, 5, '实际完成情况', span=(1, 4))
    t(9, 1, '完成主次干道养护 120 公里', span=(1, 4)); t(9, 5, '完成 100 公里', span=(1, 4))
    heads = ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施']
    for k, h in enumerate(heads):
        t(10, 1 + k, h)
    rows = [
        ('产出指标（50分）', '数量指标', '道路养护里程', '≥120公里', '100公里', '30', '25', '雨季延误'),
        ('产出指标（50分）', '质量指标', '养护合格率', '≥95%', '96%', '20', '20', ''),
        ('效益指标（30分）', '社会效益指标', '道路通行状况', '有效改善', '有效改善', '30', '30', ''),
        ('满意度指标（10分）', '服务对象满意度指标', '市民满意度', '≥90%', '85%', '10', '9.44', '宣传不足'),
    ]
    for k, row in enumerate(rows):
        r = 11 + k
        for j, v in enumerate(row):
            if j in (5, 6):
                sh.number(r, 1 + j, stored_float(v))
            else:
                t(r, 1 + j, v)
    sh.merges.append((11, 1, 12, 1))
    t(10, 0, '绩效指标', span=(5, 1))
    t(15, 0, '总分', span=(1, 6)); sh.number(15, 6, '100'); sh.number(15, 7, '92.06')
    return sh


def template_sheet():
    """一体化 indicator template, 12 columns."""
    sh = Sheet('指标模板')
    heads = ['一级指标', '二级指标', '三级指标名称', '计算符号', '指标值',
             '*实际完成值（定量填数字，定性填达成、部分达成、未达成）', '计量单位',
             '*分值（所有三级指标分值合计为90分）', '*指标得分', '扣减分数', '完成情况简要描述', '偏差原因及改进措施']
    for k, h in enumerate(heads):
        sh.text(0, k, h)
    rows = [
        ('产出指标', '数量指标', '培训人次', '≥', '500', '420', '人次', '20', '16.8', '3.2', '完成 420 人次', '疫情影响'),
        ('产出指标', '时效指标', '完成时限', '≤', '30', '30', '天', '30', '30', '0', '按期完成', ''),
        ('效益指标', '社会效益指标', '培训效果', '定性', '良好', '达成', '', '30', '30', '0', '效果良好', ''),
        ('满意度指标', '服务对象满意度指标', '学员满意度', '≥', '90', '95', '%', '10', '10', '0', '', ''),
    ]
    for r, row in enumerate(rows, start=1):
        for j, v in enumerate(row):
            if j in (4, 5) and v.isdigit() and r != 3:
                sh.number(r, j, v)
            elif j in (7, 8, 9):
                sh.number(r, j, stored_float(v))
            else:
                sh.text(r, j, v)
    return sh


def targets_sheet():
    """绩效目标申报表: targets and weights, nothing achieved."""
    sh = Sheet('目标表', row0=0, col0=0)
    t = sh.text
    t(0, 0, '2025 年度项目支出绩效目标申报表', span=(1, 6))
    t(1, 0, '项目名称'); t(1, 1, '社区养老服务', span=(1, 5))
    t(2, 0, '主管部门'); t(2, 1, '区民政局', span=(1, 2)); t(2, 3, '实施单位'); t(2, 4, '区养老服务中心', span=(1, 2))
    for k, h in enumerate(['一级指标', '二级指标', '三级指标', '指标值', '分值']):
        t(3, 1 + k, h)
    rows = [('产出指标', '数量指标', '服务老人数', '≥1000人', '40'),
            ('效益指标', '社会效益指标', '老人生活质量', '明显改善', '30'),
            ('满意度指标', '服务对象满意度指标', '老人满意度', '≥90%', '10')]
    for k, row in enumerate(rows):
        for j, v in enumerate(row):
            if j == 4:
                sh.number(4 + k, 1 + j, v)
            else:
                t(4 + k, 1 + j, v)
    t(3, 0, '年度绩效指标', span=(4, 1))
    return sh


def partial_sheet():
    """A 湖北 project form without 分值 where some rows are not met: one weight follows
    from its block's points, two cannot and need the user."""
    sh = Sheet('未完成项目')
    t = sh.text
    t(0, 0, '2024 年度某单位项目自评表', span=(1, 7))
    t(1, 0, '项目名称'); t(1, 1, '社区培训', span=(1, 6))
    t(2, 0, '预算执行情况（万元）（20 分）', span=(2, 1))
    t(2, 2, '预算数（A）'); t(2, 3, '执行数（B）'); t(2, 4, '执行率（B/A）'); t(2, 5, '得分（20 分*执行率）', span=(1, 2))
    t(3, 1, '年度财政资金总额'); sh.number(3, 2, '100', AMOUNT); sh.number(3, 3, '90', AMOUNT)
    sh.number(3, 4, '0.9', PERCENT); sh.number(3, 5, '18', span=(1, 2))
    for k, h in enumerate(['一级指标', '二级指标', '具体指标名称', '年初目标值（A）', '实际完成值（B）', '得分']):
        t(4, 1 + k, h)
    t(4, 0, '年度绩效目标（80 分）', span=(6, 1))
    rows = [('产出指标（40 分）', '数量指标', '培训人次', '≥500人', '420人', '16.8'),
            ('产出指标（40 分）', '质量指标', '合格率', '100%', '100%', '20'),
            ('产出指标（40 分）', '时效指标', '完成时限', '≤30天', '35天', '3.43'),
            ('效益指标（30 分）', '社会效益指标', '就业人数', '≥100人', '80人', '24'),
            ('满意度指标（10 分）', '服务对象满意度指标', '满意度', '≥90%', '≥90%', '10')]
    for k, row in enumerate(rows):
        for j, v in enumerate(row):
            if j == 5:
                sh.number(5 + k, 1 + j, stored_float(v))
            else:
                t(5 + k, 1 + j, v)
    t(10, 0, '总分', span=(1, 6)); sh.number(10, 6, '92.23')
    return sh


def main():
    outdir, example = sys.argv[1], sys.argv[2]
    os.makedirs(outdir, exist_ok=True)
    seed = seed_sheets(example)
    write_xlsx(os.path.join(outdir, 'seed.xlsx'), seed)
    write_spreadsheetml(os.path.join(outdir, 'seed-2003.xml'), seed)
    write_html(os.path.join(outdir, 'seed-html.xls'), seed[1:])
    write_xlsx(os.path.join(outdir, 'central.xlsx'), [central_sheet()])
    write_xlsx(os.path.join(outdir, 'template.xlsx'), [template_sheet()])
    write_xlsx(os.path.join(outdir, 'targets.xlsx'), [targets_sheet()])
    write_xlsx(os.path.join(outdir, 'partial.xlsx'), [partial_sheet()])
    write_xlsx(os.path.join(outdir, 'no-form.xlsx'), [seed[0]])
    write_damaged(outdir, os.path.join(outdir, 'seed.xlsx'))


# The damaged set: each must give a clear error, never a crash -------------------------------

def write_damaged(outdir, seed_path):
    d = os.path.join(outdir, 'damaged')
    os.makedirs(d, exist_ok=True)
    data = open(seed_path, 'rb').read()
    open(os.path.join(d, 'truncated.xlsx'), 'wb').write(data[:len(data) // 2])
    open(os.path.join(d, 'empty.xlsx'), 'wb').write(b'')
    open(os.path.join(d, 'not-a-spreadsheet.xls'), 'wb').write('预算 这不是表格\n'.encode() * 100)
    open(os.path.join(d, 'pk-only.xlsx'), 'wb').write(b'PK\x03\x04' + b'\x00' * 100)

    def package(name, sheet_xml, sst=None):
        sh = Sheet('坏表')
        path = os.path.join(d, name)
        write_xlsx(path, [sh])
        # Replace the sheet (and the shared strings) with the damaged ones.
        tmp = path + '.tmp'
        with zipfile.ZipFile(path) as zin, zipfile.ZipFile(tmp, 'w', zipfile.ZIP_DEFLATED) as zout:
            for item in zin.infolist():
                body = zin.read(item.filename)
                if item.filename == 'xl/worksheets/sheet1.xml':
                    body = sheet_xml.encode()
                elif item.filename == 'xl/sharedStrings.xml' and sst is not None:
                    body = sst.encode()
                zout.writestr(item.filename, body)
        os.replace(tmp, path)

    head = ('<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
            'spreadsheetml/2006/main"><sheetData>')
    package('bad-xml.xlsx', head + '<row r="1"><c r="A1" t="inlineStr"><is><t>一级指标</t></is></c><c r="B1"')
    package('bad-sst.xlsx', head + '<row r="1"><c r="A1" t="s"><v>99</v></c></row></sheetData></worksheet>',
            sst='<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>a</t></si></sst>')
    package('bad-ref.xlsx', head + '<row r="1"><c r="ZZZZZ99999999"><v>1</v></c></row></sheetData></worksheet>')
    package('huge-merge.xlsx', head + '<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>'
            '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>'
            '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells></worksheet>')
    package('huge-dimension.xlsx', '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
            'spreadsheetml/2006/main"><dimension ref="A1:XFD1048576"/><sheetData>'
            '<row r="1"><c r="A1" t="inlineStr"><is><t>一级指标</t></is></c></row></sheetData></worksheet>')
    package('entities.xlsx', '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">'
            '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">'
            '<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">'
            '<!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">]>'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            '<row r="1"><c r="A1" t="inlineStr"><is><t>&g;&g;&g;&g;</t></is></c></row></sheetData></worksheet>')
    package('deep.xlsx', head + '<x>' * 100000 + '</x>' * 100000 + '</sheetData></worksheet>')
    package('backwards.xlsx', head + ''.join('<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (r, r, r)
                                            for r in range(20000, 0, -1)) + '</sheetData></worksheet>')
    with zipfile.ZipFile(os.path.join(d, 'no-workbook.xlsx'), 'w') as z:
        z.writestr('readme.txt', 'not a spreadsheet')


if __name__ == '__main__':
    main()
