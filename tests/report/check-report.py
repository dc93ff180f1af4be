#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The written report from outside: `ziping-cli report` as text, PDF (poppler) and .docx
(LibreOffice Writer → PDF → poppler), its figures against the workbook file, the seed's
own mistakes not repeated; the forms as .docx (`export --format docx`) in Writer; a
length limit reported by the exit status.

usage: check-report.py ZIPING-CLI
"""
import os
import sys
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from reportlib import (amount, check, cli, cli_ok, department, equal, finish, pdf_page_size,  # noqa: E402
                       pdf_pages, pdf_text, percent, projects, seed_document, seed_path, squeeze,
                       temp_dir, variant, writer_to_pdf)

ZIPING_CLI = sys.argv[1]


def expected_figures(document):
    """Sentences the report must hold, computed here from the file."""
    forms = projects(document)
    total = sum(Decimal(f['budget']) for f in forms)
    sentences = [f'共涉及项目{len(forms)}个，资金{amount(total)}万元，'
                 f'占一般公共预算项目支出总额的{percent(total, department(document)["project-expenditure"])}']
    for i, form in enumerate(forms, 1):
        sentences.append(f'{i}.{form["name"]}项目绩效自评综述：项目全年预算数为{amount(form["budget"])}万元，'
                         f'执行数为{amount(form["spent"])}万元，完成预算的{percent(form["spent"], form["budget"])}。')
    dept = department(document)
    sentences.append(f'开展整体支出绩效自评，资金{amount(dept["budget"])}万元')
    sentences.append(f'公开《{document["year"]}年度{document["unit"]}整体绩效自评表》')
    return sentences


def check_figures(text, what):
    flat = squeeze(text)
    for sentence in expected_figures(seed_document()):
        check(sentence in flat, f'{what} says {sentence!r}')
    # Where the seed's section 十三 contradicts its own forms, the report follows the forms.
    check('0.80万元' in flat, f'{what}: 科技条件专项 is 0.80 万元')
    check('1848.82' not in flat, f'{what}: not the seed\'s 1848.82')
    check('经科局部门' not in flat, f'{what}: not another unit\'s form')


def check_docx_package(path):
    with zipfile.ZipFile(path) as package:
        names = set(package.namelist())
        for part in ['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/styles.xml',
                     'word/_rels/document.xml.rels', 'word/footer1.xml', 'word/fontTable.xml']:
            check(part in names, f'{os.path.basename(path)} has {part}')
        document = package.read('word/document.xml').decode('utf-8')
        check('w:w="11906"' in document and 'w:h="16838"' in document, 'A4 page size')
        fonts = package.read('word/fontTable.xml').decode('utf-8')
        check('Noto Serif CJK SC' in fonts, 'Noto CJK named as the fallback of the 公文 fonts')
        return document


def main():
    directory = temp_dir()
    seed = seed_path()
    from_stdout = cli_ok(ZIPING_CLI, 'report', seed).stdout
    check_figures(from_stdout, 'report on stdout')

    txt, pdf, docx = (os.path.join(directory, 'report.' + ext) for ext in ('txt', 'pdf', 'docx'))
    for out in (txt, pdf, docx):
        cli_ok(ZIPING_CLI, 'report', seed, '-o', out)
    with open(txt, encoding='utf-8') as f:
        equal(f.read(), from_stdout, 'report.txt is the text on stdout')
    check_figures(pdf_text(pdf), 'report.pdf')
    equal(pdf_pages(pdf), 3, 'report.pdf pages')
    check(pdf_page_size(pdf).startswith('595.28 x 841.89'), 'report.pdf is A4')

    forms = os.path.join(directory, 'forms.docx')
    cli_ok(ZIPING_CLI, 'export', seed, '--format', 'docx', '-o', forms)
    document = check_docx_package(docx)
    check('方正小标宋简体' in document and '仿宋_GB2312' in document, 'the report names the 公文 fonts')
    forms_xml = check_docx_package(forms)
    check('w:vMerge w:val="restart"' in forms_xml and 'w:gridSpan' in forms_xml, 'the forms have merged cells')

    converted = writer_to_pdf([docx, forms], directory)
    if docx in converted:
        check_figures(pdf_text(converted[docx]), 'report.docx in Writer')
        equal(pdf_pages(converted[docx]), 2, 'report.docx pages in Writer')
    if forms in converted:
        text = squeeze(pdf_text(converted[forms]))
        equal(pdf_pages(converted[forms]), 7, 'forms.docx pages in Writer (as the PDF export)')
        check(pdf_page_size(converted[forms]).startswith('595'), 'forms.docx is A4 in Writer')
        position = 0
        for form in seed_document()['forms']:
            for goal in form['goals']:
                for indicator in goal['indicators']:
                    found = text.find(squeeze(indicator['name']), position)
                    if check(found >= 0, f'forms.docx shows {indicator["name"]!r} in order'):
                        position = found
        for label in ['2024年度江岸区大数据中心整体绩效自评表', '2024年度江岸大数据中心项目自评表',
                      '（科技条件专项）', '金额单位：万元', '得分（20分*执行率）', '单位负责人：', '（盖章）',
                      '2024年度江岸区大数据中心绩效自评汇总表']:
            check(squeeze(label) in text, f'forms.docx shows {label}')

    # A section over its template's limit: reported, exit status 1, the report still written.
    def long_analysis(document):
        document['forms'][1]['analysis'] = '原因说明。' * 60

    long_file = variant(long_analysis, directory)
    out = os.path.join(directory, 'long.txt')
    result = cli(ZIPING_CLI, 'report', long_file, '--template', 'self-evaluation', '-o', out)
    equal(result.returncode, 1, 'exit status with a section over its limit')
    check('三、存在问题及原因' in result.stderr and 'the limit is 200' in result.stderr,
          f'the overrun is named: {result.stderr!r}')
    check(os.path.exists(out), 'the report is written all the same')

    # Paragraphs edited in the app ("report-edits"): the user's text in every output; an edit
    # made on other figures than the forms give now is named on stderr, exit status 1.
    generated_use = [line.strip() for line in from_stdout.splitlines() if line.strip().startswith('通过绩效评价')][0]
    mine = '结果应用：用户改写的一段（核对无误）。'
    stale = '科技条件专项：全年预算数为 0.60 万元（用户改写）。'

    def edited(document):
        document['report-edits'] = {
            'use:0': {'text': mine, 'generated': generated_use},
            'projects:1:1': {'text': stale, 'generated': '按 0.60 万元生成的旧段落'},
        }

    edited_file = variant(edited, directory)
    for ext in ('txt', 'pdf', 'docx'):
        out = os.path.join(directory, 'edited.' + ext)
        result = cli(ZIPING_CLI, 'report', edited_file, '-o', out)
        equal(result.returncode, 1, f'exit status with a stale edit (.{ext})')
        check('projects:1:1' in result.stderr and 'use:0' not in result.stderr,
              f'only the stale edit is named: {result.stderr!r}')
        if ext == 'txt':
            with open(out, encoding='utf-8') as f:
                text = f.read()
        elif ext == 'pdf':
            text = pdf_text(out)
        else:
            with zipfile.ZipFile(out) as package:
                text = package.read('word/document.xml').decode('utf-8')
        check(squeeze(mine) in squeeze(text) and squeeze(stale) in squeeze(text),
              f'edited.{ext} has the user\'s paragraphs')
        check(squeeze(generated_use) not in squeeze(text), f'edited.{ext} drops the replaced paragraph')

    result = cli(ZIPING_CLI, 'report', seed, '--template', os.path.join(directory, 'missing.json'))
    equal(result.returncode, 2, 'exit status with a missing template file')

    finish('check-report')


from decimal import Decimal  # noqa: E402

if __name__ == '__main__':
    main()
