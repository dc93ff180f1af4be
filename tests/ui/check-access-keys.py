"""Check that the main menu's access keys are unique in each translation (the English
labels share a few; the issue this answers is the Chinese menus').

The menu is data/ui/zp-window.ui's primary_menu plus the entries the window adds to it
in code (the export formats and Print); a duplicate key makes Alt+letter stop at the
first entry and the others unreachable from the keyboard.

    check-access-keys.py SRCDIR
"""

import pathlib
import re
import sys


def po_messages(path):
    text = path.read_text(encoding='utf-8')
    pairs = re.findall(r'\nmsgid "((?:[^"\\]|\\.)*)"\nmsgstr "((?:[^"\\]|\\.)*)"', text)
    return dict(pairs)


def menu_labels(src):
    ui = (src / 'data/ui/zp-window.ui').read_text(encoding='utf-8')
    start = ui.index('<menu id="primary_menu">')
    menu = ui[start:ui.index('</menu>', start)]
    labels = re.findall(r'<attribute name="label" translatable="yes">([^<]+)</attribute>', menu)
    actions = (src / 'src/gui/zp-window-actions.c').read_text(encoding='utf-8')
    labels += re.findall(r'N_\("(Export as [^"]+)"\)', actions)
    labels += re.findall(r'g_menu_append \(self->export_section, _\("([^"]+)"\)', actions)
    return labels


def key(label):
    match = re.search(r'_(\w)', label.replace('__', ''))
    return match.group(1).lower() if match else None


def main():
    src = pathlib.Path(sys.argv[1])
    labels = menu_labels(src)
    failures = []
    if len(labels) < 10:
        failures.append(f'only {len(labels)} menu labels found: the check reads the wrong place')
    languages = {}
    for po in sorted((src / 'po').glob('*.po')):
        languages[po.stem] = po_messages(po)
    for language, messages in languages.items():
        seen = {}
        for label in labels:
            shown = messages.get(label) or label
            letter = key(shown)
            if letter is None:
                continue
            if letter in seen:
                failures.append(f'{language}: "{shown}" and "{seen[letter]}" share the access key {letter}')
            seen[letter] = shown
    for failure in failures:
        print(failure, file=sys.stderr)
    print(f'{len(labels)} menu entries in {len(languages)} languages')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
