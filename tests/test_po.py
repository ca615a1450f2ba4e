#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Translations: every file with translatable strings is listed, and ja.po is complete."""
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

    def _listed(self):
        return [line.strip() for line in open(os.path.join(TOP, "po", "POTFILES.in"), encoding="utf-8")
                if line.strip() and not line.startswith("#")]


if __name__ == "__main__":
    unittest.main(verbosity=2)
