#!/usr/bin/env python3
"""Fill translations into a Qt .ts file from a JSON table, leaving everything else as it is.

    scripts/fill_ts.py resources/i18n/caunoi_vi.ts table.json      # apply
    scripts/fill_ts.py resources/i18n/caunoi_vi.ts --missing       # list what is untranslated

The table is {"Context": {"source text": "translation", ...}, ...}; for a %n message the
translation may be a list, one text per plural form (English: ["1 person", "%n people"]).
The .ts file stays the source of truth (translators may edit it in Qt Linguist); this only saves
typing after lupdate. Text is NFC-normalised, and a translation whose {placeholders} differ from
its source is refused (after electrum/i18n.py), because str.format would raise on the kiosk at
run time.
"""
from __future__ import annotations

import json
import re
import sys
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

FIELD = re.compile(r"\{[^{}]*\}")


def fields(text: str) -> list[str]:
    return sorted(FIELD.findall(text))


def messages(root: ET.Element):  # noqa: ANN201 - yields (context, source, translation element)
    for context in root.iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            yield name, message.findtext("source", ""), message.find("translation")


def apply(ts: Path, table: dict[str, dict[str, str]]) -> int:
    tree = ET.parse(ts)
    changed = 0
    for context, source, translation in messages(tree.getroot()):
        text = table.get(context, {}).get(source)
        if text is None or translation is None:
            continue
        texts = [unicodedata.normalize("NFC", t) for t in
                 (text if isinstance(text, list) else [text])]
        for text in texts:
            if fields(text) != fields(source):
                raise SystemExit(f"{context}: placeholders differ in {source!r} -> {text!r}")
        forms = translation.findall("numerusform")
        if forms:   # a %n message: Vietnamese has one plural form, used for every count
            for number, form in enumerate(forms):
                form.text = texts[min(number, len(texts) - 1)]
        else:
            translation.text = texts[0]
        translation.attrib.pop("type", None)
        changed += 1
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                  encoding="utf-8")
    return changed


def missing(ts: Path) -> list[tuple[str, str]]:
    root = ET.parse(ts).getroot()
    return [(c, s) for c, s, t in messages(root)
            if t is None or t.get("type") == "unfinished"
            or not "".join(t.itertext()).strip()]


def main(argv: list[str]) -> int:
    ts = Path(argv[1])
    if argv[2] == "--missing":
        todo = missing(ts)
        print(json.dumps([{"context": c, "source": s} for c, s in todo], ensure_ascii=False,
                         indent=1))
        return 1 if todo else 0
    table = json.loads(Path(argv[2]).read_text(encoding="utf-8"))
    print(f"{apply(ts, table)} translations written")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
