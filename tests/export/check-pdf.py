#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The PDF export read from outside: poppler for pages, fonts and text; its pages
rendered and compared with reviewed reference images (tests/export/reference/).

usage: check-pdf.py ZIPING-CLI [--update-references]
  --update-references writes new reference images: look at every one before committing.
"""
import os
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from exportlib import (check, equal, export, fail, finish, indicator_names, seed_document,  # noqa: E402
                       seed_path, temp_dir, tool, variant)

REFERENCE_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'reference')
SEED_PAGES = 7
# Differing pixels allowed per page (at 50 dpi a page has about 240,000): room for
# anti-aliasing noise, too little for a moved row, a lost column or changed words (the
# pages of 子女统筹 and 公务员医疗报销, alike but for a few words, differ by about 1,400).
MAX_DIFFERENT_PIXELS = 300


def run(*args):
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def pdfinfo(path):
    info = {}
    for line in run(tool('pdfinfo'), path).splitlines():
        key, _, value = line.partition(':')
        info[key.strip()] = value.strip()
    return info


def page_text(path, page, *mode):
    return run(tool('pdftotext'), *mode, '-f', str(page), '-l', str(page), path, '-')


def squeeze(text):
    return re.sub(r'\s+', '', text)


def check_info(path):
    info = pdfinfo(path)
    equal(info.get('Pages'), str(SEED_PAGES), 'page count of the seed')
    check(info.get('Page size', '').startswith('595.28 x 841.89'), f'A4 portrait: {info.get("Page size")}')


def check_fonts(path):
    rows = run(tool('pdffonts'), path).splitlines()[2:]
    cjk = [r for r in rows if 'CJK' in r.split()[0]]
    check(cjk, f'a CJK font is used: {rows}')
    for row in rows:
        fields = row.split()
        # name type… encoding emb sub uni object ID: emb is the 5th field from the end.
        equal(fields[-5], 'yes', f'font {fields[0]} is embedded')


def check_text(path):
    raw = squeeze(run(tool('pdftotext'), '-raw', path, '-'))
    position = 0
    for form, indicator in indicator_names(seed_document()):
        name = squeeze(indicator['name'])
        found = raw.find(name, position)
        if not check(found >= 0, f'indicator {indicator["name"]!r} is printed, in order'):
            continue
        position = found + len(name)
    for page in range(1, SEED_PAGES + 1):
        text = page_text(path, page, '-layout')
        check(squeeze(f'第 {page} 页 共 {SEED_PAGES} 页') in squeeze(text), f'page {page} is numbered')
    first = squeeze(page_text(path, 1, '-raw'))
    for label in ['2024年度江岸区大数据中心整体绩效自评表', '金额单位：万元', '部门整体支出总额',
                  '2066.63', '100%', '得分（20分*执行率）', '年度绩效目标1（20分）']:
        check(label in first, f'page 1 shows {label}')
    last_form_page = squeeze(page_text(path, SEED_PAGES - 1, '-raw'))
    for label in ['总分', '偏差大或目标未完成原因分析', '单位负责人：', '填报人：', '联系电话：',
                  '填报日期：', '（盖章）']:
        check(label in last_form_page, f'the last form page shows {label}')
    summary = squeeze(page_text(path, SEED_PAGES, '-raw'))
    check('绩效自评汇总表' in summary, 'the last page is the summary')


def check_long_grid(cli, directory):
    """A grid longer than a page: the headings repeat and a cut category shows again."""
    def lengthen(document):
        form = document['forms'][2]
        indicators = form['goals'][0]['indicators']
        first = indicators[0]
        extra = [dict(first, name=f'加长的指标 {i}', weight='0') for i in range(60)]
        form['goals'][0]['indicators'] = [first] + extra + indicators[1:]
        document['forms'] = [form]
    source = variant(lengthen, directory, 'long.ziping')
    out = export(cli, source, 'pdf', os.path.join(directory, 'long.pdf'))
    pages = int(pdfinfo(out)['Pages'])
    check(pages >= 3, f'60 more indicators take several pages ({pages})')
    for page in range(2, pages + 1):
        text = squeeze(page_text(out, page, '-raw'))
        if '加长的指标' not in text:
            continue
        check(text.startswith('年度绩效目标（80分）一级指标二级指标具体指标名称') or
              text.find('一级指标') < text.find('加长的指标'),
              f'page {page} repeats the column headings above the continued rows')
        check('产出指标（40分）' in text, f'page {page} shows the category of its rows')
    raw = squeeze(run(tool('pdftotext'), '-raw', out, '-'))
    for i in range(60):
        check(f'加长的指标{i}' in raw, f'long grid: row {i} printed')
    # No row split: each row's name is on one page only.
    for i in (0, 30, 59):
        hits = [p for p in range(1, pages + 1) if f'加长的指标{i}' in squeeze(page_text(out, p, '-raw'))]
        equal(len(hits), 1, f'row {i} is on exactly one page')


# Digits as written on cheques, and a mark between numbers: characters a form prints
# nowhere else, so the analysis can be picked out of the page text in order.
CHEQUE_DIGITS = '零壹贰叁肆伍陆柒捌玖'
MARK = '乂'


def numbered_text(length):
    """MARK and a five-digit number, again and again, cut to `length` characters."""
    pieces, n = [], 0
    while sum(map(len, pieces)) < length:
        pieces.append(MARK + ''.join(CHEQUE_DIGITS[int(d)] for d in f'{n:05d}'))
        n += 1
    return ''.join(pieces)[:length]


def check_long_analysis(cli, directory):
    """An analysis of 100,001 characters is printed whole, continued over pages, in
    order, never cut or shrunk out of sight."""
    text = numbered_text(100001)

    def long_analysis(document):
        form = document['forms'][3]
        form['analysis'] = text
        document['forms'] = [form]
    source = variant(long_analysis, directory, 'analysis.ziping')
    out = export(cli, source, 'pdf', os.path.join(directory, 'analysis.pdf'))
    pages = int(pdfinfo(out)['Pages'])
    check(pages >= 20, f'100,001 characters take many pages ({pages})')
    alphabet = set(CHEQUE_DIGITS + MARK)
    printed = ''.join(c for c in run(tool('pdftotext'), '-raw', out, '-') if c in alphabet)
    equal(len(printed), len(text), 'characters of the analysis printed')
    check(printed == text, 'the analysis is printed whole and in order')
    # Each page of the continued text carries its label, and none is drawn tiny: the
    # pieces are as tall as a page allows, so a page holds at most about 3,000 of them.
    for page in (2, pages // 2, pages - 1):
        page_chars = [c for c in page_text(out, page, '-raw') if c in alphabet]
        check(0 < len(page_chars) < 3500, f'page {page} holds a piece of normal size ({len(page_chars)})')
        check('偏差大或目标未完成原因分析' in squeeze(page_text(out, page, '-raw')),
              f'page {page} shows the label beside the continued text')


def check_long_grid_texts(cli, directory):
    """A name and a deviation note of 30,000 characters each, side by side in one row of
    the department form's grid: both printed whole, each down its own column, as often
    as the form prints a short name and note."""
    def printed(name, note, stem):
        def long_row(document):
            form = document['forms'][0]
            form['goals'][0]['indicators'][0]['name'] = name
            form['goals'][0]['indicators'][0]['deviation-note'] = note
            document['forms'] = [form]
        source = variant(long_row, directory, stem + '.ziping')
        out = export(cli, source, 'pdf', os.path.join(directory, stem + '.pdf'))
        return run(tool('pdftotext'), '-raw', out, '-')

    short = printed('乂壹贰', '乂叁肆', 'short-row')
    names, notes = short.count('乂壹贰'), short.count('乂叁肆')
    check(names >= 1 and notes >= 1, 'the short name and note are printed')
    name = numbered_text(30000)
    note = numbered_text(30001)[1:]
    alphabet = set(CHEQUE_DIGITS + MARK)
    text = ''.join(c for c in printed(name, note, 'long-row') if c in alphabet)
    equal(len(text), names * len(name) + notes * len(note),
          'characters of the long name and note printed')


def render(path, directory, prefix):
    tool('pdftoppm')
    run(tool('pdftoppm'), '-r', '50', '-gray', '-png', path, os.path.join(directory, prefix))
    return sorted(f for f in os.listdir(directory) if f.startswith(prefix + '-') and f.endswith('.png'))


def compare(a, b):
    """Pixels differing by more than 10%, as ImageMagick counts them."""
    result = subprocess.run([tool('compare'), '-metric', 'AE', '-fuzz', '10%', a, b, 'null:'],
                            capture_output=True, text=True)
    if result.returncode not in (0, 1):
        fail(f'compare {a} {b}: {result.stderr.strip()}')
        return None
    return int(float(result.stderr.split()[0]))


def check_references(path, directory, update):
    pages = render(path, directory, 'seed')
    equal(len(pages), SEED_PAGES, 'rendered pages')
    if update:
        os.makedirs(REFERENCE_DIR, exist_ok=True)
        for name in pages:
            shutil.copy(os.path.join(directory, name), os.path.join(REFERENCE_DIR, name))
        print(f'wrote {len(pages)} reference pages to {REFERENCE_DIR}: look at them')
        return
    for name in pages:
        reference = os.path.join(REFERENCE_DIR, name)
        if not check(os.path.exists(reference), f'reference image {name} exists'):
            continue
        different = compare(os.path.join(directory, name), reference)
        if different is not None:
            check(different <= MAX_DIFFERENT_PIXELS,
                  f'{name}: {different} pixels differ from the reference (at most {MAX_DIFFERENT_PIXELS})')


def main():
    cli = sys.argv[1]
    update = '--update-references' in sys.argv[2:]
    directory = temp_dir()
    path = export(cli, seed_path(), 'pdf', os.path.join(directory, 'seed.pdf'))
    check_info(path)
    check_fonts(path)
    check_text(path)
    check_long_grid(cli, directory)
    check_long_analysis(cli, directory)
    check_long_grid_texts(cli, directory)
    check_references(path, directory, update)
    finish('check-pdf')


if __name__ == '__main__':
    main()
