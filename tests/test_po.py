#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Translations: every file with translatable strings is listed, and ja.po is complete."""
import ast
import os
import re
import subprocess
import unittest

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MARKED = re.compile(r'(^|[^a-zA-Z_])(_|N_|C_|NC_|ngettext)\s*\(|translatable="yes"')


def source_files():
    for folder in ("src", "data"):
        for root, _, names in os.walk(os.path.join(TOP, folder)):
            for name in names:
                if name.endswith((".c", ".ui")):
                    yield os.path.relpath(os.path.join(root, name), TOP)


def read_po(path):
    """(msgctxt, msgid, msgstr) of every translated message; plural forms joined."""
    entries, current, field = [], {}, None
    for line in open(path, encoding="utf-8").read().splitlines() + [""]:
        match = re.match(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?) (".*")$', line)
        if match:
            field = match.group(1).split("[")[0]
            if field == "msgctxt" or (field == "msgid" and "msgstr" in current):
                if "msgstr" in current:
                    entries.append(current)
                current = {}
            current[field] = current.get(field, "") + ast.literal_eval(match.group(2))
        elif line.startswith('"') and field:
            current[field] += ast.literal_eval(line)
        elif not line.strip():
            field = None
    if "msgstr" in current:
        entries.append(current)
    return [(e.get("msgctxt"), e["msgid"], e["msgstr"]) for e in entries if e.get("msgid")]


class PoTest(unittest.TestCase):
    def test_potfiles_complete(self):
        listed = {line.strip() for line in open(os.path.join(TOP, "po", "POTFILES.in"), encoding="utf-8")
                  if line.strip() and not line.startswith("#")}
        missing = [path for path in source_files()
                   if MARKED.search(open(os.path.join(TOP, path), encoding="utf-8").read())
                   and path not in listed]
        self.assertEqual(missing, [], "files with translatable strings missing from po/POTFILES.in")
        for path in listed:
            self.assertTrue(os.path.exists(os.path.join(TOP, path)), f"{path} is listed but does not exist")

    def test_japanese_complete(self):
        result = subprocess.run(["msgfmt", "-c", "--statistics", "-o", os.devnull,
                                 os.path.join(TOP, "po", "ja.po")],
                                capture_output=True, text=True, env={**os.environ, "LC_ALL": "C"})
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertRegex(result.stderr, r"^\d+ translated messages\.\s*$",
                         "ja.po has fuzzy or untranslated messages")

    def test_japanese_covers_template(self):
        """Every message of the sources is in ja.po, not just those it had before."""
        pot = subprocess.run(["xgettext", "--from-code=UTF-8", "-k_", "-kN_", "-kC_:1c,2", "-kNC_:1c,2",
                              "-kngettext:1,2", "-o", "-", "--directory", TOP,
                              *[p for p in self._listed() if p.endswith(".c")]],
                             capture_output=True, text=True, check=True).stdout
        msgids = set(re.findall(r'^msgid "(.+)"$', pot, re.M)) - {""}
        po = open(os.path.join(TOP, "po", "ja.po"), encoding="utf-8").read()
        missing = [m for m in msgids if f'msgid "{m}"' not in po]
        self.assertEqual(missing, [], "messages missing from ja.po; run ninja sasaeai-update-po")

    def test_japanese_follows_glossary(self):
        """One word per thing (docs: GLOSSARY.md): 取組, 主体, 基本目標 1; the plan's own column
        headings, 計画期間中に取り組むこと and 誰が, only where a printout names its columns."""
        plan_headings = {("review sheet", "Commitment"), (None, "What we do in the plan period"), (None, "Who")}
        forbidden = [
            (re.compile("取り組み"), "取組"),
            (re.compile("担い手"), "主体"),
            (re.compile(r"基本目標[0-9０-９%]"), "基本目標 1, with a space"),
            (re.compile("計画期間中に取り組むこと|誰が"), "取組 / 主体 outside the plan's column headings"),
        ]
        wrong = []
        for context, msgid, msgstr in read_po(os.path.join(TOP, "po", "ja.po")):
            for pattern, word in forbidden:
                if pattern.search(msgstr) and not (word.startswith("取組 /") and (context, msgid) in plan_headings):
                    wrong.append(f"{msgid!r} → {msgstr!r}: use {word}")
        self.assertEqual(wrong, [])
        readme = open(os.path.join(TOP, "README.md"), encoding="utf-8").read()
        self.assertNotRegex(readme, "取り組み|担い手|基本目標[0-9]")

    def _listed(self):
        return [line.strip() for line in open(os.path.join(TOP, "po", "POTFILES.in"), encoding="utf-8")
                if line.strip() and not line.startswith("#")]


if __name__ == "__main__":
    unittest.main(verbosity=2)
