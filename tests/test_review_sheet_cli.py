#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""sasaeai-cli review-sheet: the year's 評価シート as poppler reads it, its pages and
paper, and the input it refuses."""
import json
import os
import re
import shutil
import subprocess
import tempfile
import unittest

from pdf_fonts import body_size, embedded_fonts, pdfminer_python, without_family

CLI = os.environ.get("SASAEAI_CLI", "sasaeai-cli")
A4 = (841.89, 595.276)
A3 = (1190.55, 841.89)
HEADINGS = ["Actor", "Commitment", "Rating", "Results", "Issues", "Next year", "Target /"]


def poppler(*args):
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def squeeze(text):
    return re.sub(r"\s+", "", text)


@unittest.skipUnless(shutil.which("pdftotext") and shutil.which("pdfinfo"), "poppler-utils is not installed")
class ReviewSheetTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.db = os.path.join(self.tmp.name, "plan.db")
        self.pdf = os.path.join(self.tmp.name, "sheet.pdf")
        self.cli("init")
        self.rows = json.loads(self.cli("review", "list", "--fy", "2012", "--json"))
        self.assertGreater(len(self.rows), 10)

    def tearDown(self):
        self.tmp.cleanup()

    def run_cli(self, *args, env=None):
        return subprocess.run([CLI, "--db", self.db, *args], capture_output=True, text=True,
                              env={**os.environ, **(env or {})})

    def cli(self, *args, env=None):
        result = self.run_cli(*args, env=env)
        self.assertEqual(result.returncode, 0, result.stderr)
        return result.stdout

    def review_all(self, results=lambda i: f"実績R{i:02d}", ratings="ABCD"):
        for i, row in enumerate(self.rows):
            self.cli("review", "set", row["commitment_id"], "--fy", "2012", "--rating", ratings[i % len(ratings)],
                     "--results", results(i), "--issues", f"課題I{i:02d}", "--next", "expand")

    def sheet(self, *args, env=None):
        out = self.cli("review-sheet", "--fy", "2012", "-o", self.pdf, *args, env=env)
        self.assertRegex(out, r"^Wrote \d+ pages? to " if env is None else r"\d+")
        return int(re.search(r"\d+", out).group())

    def pages(self, raw=False):
        n = int(dict(line.split(":", 1) for line in poppler("pdfinfo", self.pdf).splitlines())["Pages"])
        mode = "-raw" if raw else "-layout"
        return [poppler("pdftotext", mode, "-f", str(p), "-l", str(p), self.pdf, "-") for p in range(1, n + 1)]

    def page_size(self):
        info = poppler("pdfinfo", self.pdf)
        return tuple(float(v) for v in re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups())

    def assert_size(self, expected):
        for got, want in zip(self.page_size(), expected):
            self.assertAlmostEqual(got, want, delta=0.5)

    def test_every_commitment_and_review(self):
        """Each commitment scheduled in the year is there once, with its actor, rating
        and label, results, issues and next year; each basic goal heads its rows."""
        self.review_all()
        self.sheet()
        text = squeeze("".join(self.pages(raw=True)))
        for i, row in enumerate(self.rows):
            self.assertIn(squeeze(row["text"]), text, row["commitment_id"])
            self.assertEqual(text.count(f"実績R{i:02d}"), 1)
            self.assertEqual(text.count(f"課題I{i:02d}"), 1)
        self.assertIn("AAhead", text)  # the code, then the scale's label
        self.assertIn("DBehind", text)
        self.assertIn("Expand", text)
        self.assertIn("BasicGoal1", text)
        self.assertIn("BasicGoal2", text)

    def test_totals_and_progress(self):
        """The log's totals of the year and a target's progress: districts reached of
        all (全地区), as a count and a share."""
        self.cli("district", "add", "北部")
        self.cli("district", "add", "南部")
        target = next(r for r in self.rows if r["target"] and r["target"]["text"] == "全地区")
        self.cli("activity", "add", "--date", "2012-06-01", "--title", "あいさつ運動", "--district", "北部",
                 "--participants", "37", "--volunteers", "9", "--commitment", target["commitment_id"])
        self.sheet()
        raw = "".join(self.pages(raw=True))
        self.assertRegex(raw, r"全地区\s+1 / 50%")
        self.assertRegex(raw, r"\b1 37 9\b")

    def test_headings_on_every_page(self):
        """Long results take several pages; each has the title, the column headings and
        n / N, and no row is cut: each review's first and last words share a page."""
        self.review_all(results=lambda i: f"開始S{i:02d}\n" + "\n".join(f"{i}-{k}行目の実績" for k in range(12))
                        + f"\n終了E{i:02d}")
        n = self.sheet()
        self.assertGreater(n, 3)
        pages = self.pages()
        self.assertEqual(len(pages), n)
        for number, page in enumerate(pages, 1):
            for heading in HEADINGS + ["FY2012 Review Sheet"]:
                self.assertIn(heading, page, f"page {number}")
            # BIZ UDPGothic's narrow spaces: pdftotext may join "1 / 9".
            self.assertRegex(page, rf"\b{number} ?/ ?{n}\b")
        for i in range(len(self.rows)):
            holding = [p for p, page in enumerate(pages) if f"開始S{i:02d}" in page]
            self.assertEqual(len(holding), 1)
            self.assertIn(f"終了E{i:02d}", pages[holding[0]], f"row {i} is cut between pages")

    def test_row_taller_than_a_page(self):
        """A row taller than a page goes on over the next, cut between lines: every
        line is there once, and the pages after the first still have the headings."""
        row = self.rows[0]
        self.cli("review", "set", row["commitment_id"], "--fy", "2012",
                 "--results", "\n".join(f"長い実績L{k:03d}" for k in range(120)))
        self.sheet()
        pages = self.pages()
        text = "".join(pages)
        for k in range(120):
            self.assertEqual(text.count(f"長い実績L{k:03d}"), 1, k)
        spanned = [p for p, page in enumerate(pages) if "長い実績L" in page]
        self.assertGreater(len(spanned), 1)
        for p in spanned:
            self.assertIn("Commitment", pages[p])
            self.assertIn("Basic Goal 1", pages[p])  # the group it continues

    def test_fonts(self):
        """BIZ UDPGothic subsets by default, Noto when asked, and a named fallback
        when BIZ UDPGothic is missing."""
        self.review_all()
        result = self.run_cli("review-sheet", "--fy", "2012", "-o", self.pdf)
        self.assertIn("Font: BIZ UDPGothic", result.stderr)
        fonts = embedded_fonts(self.pdf)
        self.assertTrue(fonts and all(n.startswith("BIZUDPGothic-") and sub for n, sub in fonts), fonts)
        # In Japanese, fontconfig calls the family BIZ UDPゴシック: still found.
        result = self.run_cli("review-sheet", "--fy", "2012", "-o", self.pdf,
                              env={"LANGUAGE": "ja", "LANG": "ja_JP.UTF-8"})
        self.assertIn("BIZ UDPGothic", result.stderr)
        self.assertNotIn("BIZ UDPGothicが", result.stderr)
        self.assertTrue(all(n.startswith("BIZUDPGothic-") for n, _ in embedded_fonts(self.pdf)))
        result = self.run_cli("review-sheet", "--fy", "2012", "-o", self.pdf, "--font", "noto")
        self.assertIn("Font: Noto Sans CJK JP", result.stderr)
        self.assertTrue(all(n.startswith("NotoSansCJK") for n, _ in embedded_fonts(self.pdf)))
        result = self.run_cli("review-sheet", "--fy", "2012", "-o", self.pdf,
                              env=without_family(self.tmp.name, "BIZ UDPGothic"))
        self.assertIn("(BIZ UDPGothic is not installed)", result.stderr)
        self.assertTrue(all(n.startswith("NotoSansCJK") for n, _ in embedded_fonts(self.pdf)))

    @unittest.skipUnless(pdfminer_python(), "pdfminer is not installed")
    def test_body_text_size(self):
        """11 pt body text, 14 pt in large print, on more pages."""
        self.review_all()
        pages = self.sheet()
        self.assertGreaterEqual(body_size(self.pdf), 11.0)
        self.assertGreater(self.sheet("--large"), pages)
        self.assertGreaterEqual(body_size(self.pdf), 14.0)

    def test_paper(self):
        self.sheet()
        self.assert_size(A4)
        self.sheet("--paper", "a3")
        self.assert_size(A3)
        self.sheet("--paper", "A3", "--portrait")
        self.assert_size(tuple(reversed(A3)))

    def test_japanese(self):
        """In Japanese, the title is the era year's 評価シート and the headings are the plan's words."""
        self.review_all()
        self.sheet("--year-format", "era", env={"LANGUAGE": "ja", "LANG": "ja_JP.UTF-8"})
        page = self.pages()[0]
        self.assertIn("平成24年度 評価シート", page)
        # At 11 pt headings wrap in their columns: read the page in cells' order.
        cells = squeeze(self.pages(raw=True)[0])
        for heading in ["主体", "計画期間中に取り組むこと", "実施回数", "評価", "実績", "課題", "次年度の方向性", "拡充", "基本目標1"]:
            self.assertIn(heading, cells)

    def test_era_western(self):
        """The title's year with its era and western year side by side."""
        self.sheet("--year-format", "era-western")
        self.assertIn("平成24年度(2012) Review Sheet", self.pages()[0])

    def refused(self, *args, status=1):
        with open(self.pdf, "wb") as old:
            old.write(b"old")
        result = self.run_cli("review-sheet", *args)
        self.assertEqual(result.returncode, status, f"{args}: {result.stderr}")
        self.assertTrue(result.stderr.startswith("sasaeai-cli: "), result.stderr)
        with open(self.pdf, "rb") as old:
            self.assertEqual(old.read(), b"old", f"{args} replaced the file")
        leftovers = [name for name in os.listdir(self.tmp.name) if not name.startswith("plan.db")]
        self.assertEqual(leftovers, ["sheet.pdf"], "a temporary file was left")
        return result.stderr

    def test_refused(self):
        out = ["-o", self.pdf]
        self.assertIn("outside the plan", self.refused("--fy", "2040", *out))
        self.assertIn("abc", self.refused("--fy", "abc", *out))
        self.assertIn("nosuch", self.refused("--fy", "2012", "--plan", "nosuch", *out))
        self.assertIn("b5", self.refused("--fy", "2012", "--paper", "b5", *out))
        self.assertIn("kanji", self.refused("--fy", "2012", "--year-format", "kanji", *out))
        self.assertIn("--fy", self.refused(*out, status=2))
        self.assertIn("-o", self.refused("--fy", "2012", status=2))
        missing = os.path.join(self.tmp.name, "no", "sheet.pdf")
        self.assertIn("Could not write", self.refused("--fy", "2012", "-o", missing))
        self.assertFalse(os.path.exists(os.path.dirname(missing)))


if __name__ == "__main__":
    unittest.main()
