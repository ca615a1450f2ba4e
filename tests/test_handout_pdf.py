#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""sasaeai-cli handout: the PDF as poppler reads it, and the options it refuses."""
import collections
import json
import os
import re
import shutil
import subprocess
import tempfile
import unittest

from pdf_fonts import body_size, embedded_fonts, pdfminer_python, pgm, without_family

CLI = os.environ.get("SASAEAI_CLI", "sasaeai-cli")
A4 = (841.89, 595.276)
A3 = (1190.55, 841.89)


def poppler(*args):
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def columns(line):
    """The cells of a `pdftotext -layout` line: text separated by two spaces or more,
    or by one before a schedule's ◎ where the text fills its column."""
    return [cell for cell in re.split(r"\s{2,}|\s(?=◎)", line.strip()) if cell]


def find_wrapped(lines, text, start=0):
    """The first line from @start where @text starts: whole in one cell, or wrapped
    over the same column of the lines that follow. None when it is not there."""
    for i, line in enumerate(lines[start:], start):
        for cell in columns(line):
            if not text.startswith(cell):
                continue
            rest, j = text[len(cell):], i + 1
            while rest and j < len(lines) and j <= i + 8:
                cells = [c for c in columns(lines[j]) if rest.startswith(c)]
                if cells:
                    rest = rest[len(cells[0]):]
                j += 1
            if not rest:
                return i
    return None


@unittest.skipUnless(shutil.which("pdftotext") and shutil.which("pdfinfo") and shutil.which("pdffonts"),
                     "poppler-utils is not installed")
class PdfCase(unittest.TestCase):
    """Runs the CLI on a database of its own and reads the PDF it writes."""

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.db = os.path.join(self.tmp.name, "plan.db")
        self.pdf = os.path.join(self.tmp.name, "handout.pdf")
        self.cli("init")
        outline = json.loads(self.cli("outline", "--json"))
        self.plan = outline["plan"]
        self.goals = outline["sections"][0]["goals"]

    def tearDown(self):
        self.tmp.cleanup()

    def run_cli(self, *args, env=None):
        return subprocess.run([CLI, "--db", self.db, *args], capture_output=True, text=True, env=env)

    def cli(self, *args):
        result = self.run_cli(*args)
        self.assertEqual(result.returncode, 0, result.stderr)
        return result.stdout

    def handout(self, *args):
        out = self.cli("handout", "-o", self.pdf, "--date", "2010-04-01", *args)
        self.assertRegex(out, r"^Wrote \d+ pages? to ")
        return int(re.search(r"\d+", out).group())

    def info(self):
        info = dict(line.split(":", 1) for line in poppler("pdfinfo", self.pdf).splitlines() if ":" in line)
        return {key: value.strip() for key, value in info.items()}

    def page_size(self):
        width, height = re.match(r"([\d.]+) x ([\d.]+) pts", self.info()["Page size"]).groups()
        return float(width), float(height)

    def assert_size(self, expected):
        for got, want in zip(self.page_size(), expected):
            self.assertAlmostEqual(got, want, delta=0.5)

    def text(self, page=None):
        pages = ["-f", str(page), "-l", str(page)] if page else []
        return poppler("pdftotext", "-layout", *pages, self.pdf, "-")

    def commitments(self, goals=None):
        return [(c["actor"], c["text"] + (f"【Target: {c['target']}】" if c["target"] else ""))
                for g in (goals or self.goals) for c in g["commitments"]]

    def assert_refused(self, status, *args):
        result = self.run_cli("handout", *args)
        self.assertEqual(result.returncode, status, f"{args}: {result.stderr}")
        lines = result.stderr.strip().splitlines()
        self.assertTrue(lines and lines[0].startswith("sasaeai-cli: "), result.stderr)
        if status == 1:
            self.assertEqual(len(lines), 1, result.stderr)
        self.assertFalse(os.path.exists(self.pdf), f"{args} wrote a file")
        return lines[0]


class HandoutTest(PdfCase):
    def test_sample_pdf(self):
        pages = self.handout()
        info = self.info()
        self.assertEqual(int(info["Pages"]), pages)
        self.assertEqual(info["Title"], self.plan["title"])
        self.assertTrue(info["Creator"].startswith("Sasaeai "), info["Creator"])
        self.assert_size(A4)

    def test_fonts_embedded_as_subsets(self):
        self.handout()
        rows = poppler("pdffonts", self.pdf).splitlines()[2:]
        self.assertTrue(rows, "no fonts")
        for row in rows:
            emb, sub, uni = row.split()[-5:-2]
            self.assertEqual((emb, sub, uni), ("yes", "yes", "yes"), row)

    def test_ud_gothic_by_default(self):
        """BIZ UDPGothic, as TrueType subsets; the CLI names it on stderr."""
        result = self.run_cli("handout", "-o", self.pdf)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("Font: BIZ UDPGothic", result.stderr)
        fonts = embedded_fonts(self.pdf)
        self.assertTrue(fonts)
        for name, subset in fonts:
            self.assertTrue(name.startswith("BIZUDPGothic-"), fonts)
            self.assertTrue(subset, fonts)

    def test_noto_when_chosen(self):
        result = self.run_cli("handout", "-o", self.pdf, "--font", "noto")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("Font: Noto Sans CJK JP", result.stderr)
        self.assertTrue(all(name.startswith("NotoSansCJK") for name, _ in embedded_fonts(self.pdf)),
                        embedded_fonts(self.pdf))
        os.remove(self.pdf)
        self.assertIn("Unknown font", self.assert_refused(2, "-o", self.pdf, "--font", "mincho"))

    def test_missing_font_falls_back_and_says_so(self):
        """Without BIZ UDPGothic installed, Noto Sans CJK, named as the fallback."""
        env = without_family(self.tmp.name, "BIZ UDPGothic")
        result = self.run_cli("handout", "-o", self.pdf, env=env)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("Font: Noto Sans CJK JP (BIZ UDPGothic is not installed)", result.stderr)
        names = [name for name, _ in embedded_fonts(self.pdf)]
        self.assertTrue(names and all(name.startswith("NotoSansCJK") for name in names), names)

    @unittest.skipUnless(pdfminer_python(), "pdfminer is not installed")
    def test_body_text_size(self):
        """The characters' most common size, as printed on A4: 11 pt, 14 pt in large
        print, which takes more pages, each with the column headings."""
        pages = self.handout()
        self.assertGreaterEqual(body_size(self.pdf), 11.0)
        large = self.handout("--large")
        self.assertGreaterEqual(body_size(self.pdf), 14.0)
        self.assertGreaterEqual(large, pages)
        for page in range(1, large + 1):
            self.assertIn("What we do in the plan period", self.text(page))

    def test_small_file(self):
        """The sample plan's handout is at most 150 KB (Noto's CFF subsets made 1 MB)."""
        self.handout()
        self.assertLessEqual(os.path.getsize(self.pdf), 150 * 1024)

    @unittest.skipUnless(shutil.which("pdftoppm"), "pdftoppm is not installed")
    def test_readable_in_grey(self):
        """Printed in black and white, a schedule bar stays darker than the grid,
        the grid than the phase's tint, and the tint than the paper."""
        pages = self.handout()
        for page in range(1, pages + 1):
            with self.subTest(page=page):
                self.assert_grey_levels(page)

    def assert_grey_levels(self, page):
        words = poppler("pdftotext", "-bbox", "-f", str(page), "-l", str(page), self.pdf, "-")
        box = re.search(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">実施<', words)
        self.assertIsNotNone(box, "no phase label")
        x0, y0, x1, y1 = map(float, box.groups())
        subprocess.run(["pdftoppm", "-gray", "-r", "80", "-f", str(page), "-l", str(page), "-singlefile",
                        self.pdf, os.path.join(self.tmp.name, "grey")], check=True)
        width, height, pixels = pgm(os.path.join(self.tmp.name, "grey.pgm"))
        scale = 80 / 72
        # The bar's row: from right of the label to the table's right edge.
        counts = collections.Counter()
        for y in range(int(y0 * scale), int(y1 * scale) + 1):
            counts.update(pixels[y * width + int((x1 + 6) * scale):y * width + width - 40])
        # Each kind by its most common grey, leaving out the antialiased edges.
        bar = min(v for v, n in counts.items() if n >= 20)
        grid = max((n, v) for v, n in counts.items() if bar + 10 < v < 230)[1]
        tint = max((n, v) for v, n in counts.items() if 230 <= v < 255)[1]
        self.assertLessEqual(bar, 120, counts)
        self.assertGreaterEqual(grid - bar, 50, counts)
        self.assertGreaterEqual(tint - grid, 40, counts)
        self.assertGreaterEqual(255 - tint, 8, counts)

    def test_foot_of_page_legible(self):
        """The page number and the legend of the counts at the foot of a page do not
        overlap."""
        self.handout("--counts")
        words = poppler("pdftotext", "-bbox", "-f", "1", "-l", "1", self.pdf, "-")
        boxes = [tuple(map(float, m.groups())) for m in
                 re.finditer(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">', words)]
        foot = [box for box in boxes if box[1] > A4[1] - 70]
        self.assertGreater(len(foot), 5, words)
        for i, a in enumerate(foot):
            for b in foot[i + 1:]:
                apart = a[2] <= b[0] + 0.5 or b[2] <= a[0] + 0.5 or a[3] <= b[1] + 0.5 or b[3] <= a[1] + 0.5
                self.assertTrue(apart, (a, b))

    def test_every_commitment_with_its_actor(self):
        """Each commitment's text, in the plan's order, and the last actor named
        above it is its own."""
        self.handout()
        lines = self.text().splitlines()
        actors = {a for a, _ in self.commitments()}
        at = 0
        for actor, text in self.commitments():
            at = find_wrapped(lines, text, at)
            self.assertIsNotNone(at, f"{text} is missing or out of order")
            named = [cell for line in lines[:at + 1] for cell in columns(line)[:1] if cell in actors]
            self.assertEqual(named[-1] if named else None, actor, text)
            at += 1

    def test_years_and_schedule_on_every_page(self):
        pages = self.handout()
        self.assertGreater(pages, 1)
        for page in range(1, pages + 1):
            lines = self.text(page).splitlines()
            self.assertTrue(any(columns(line) == ["22", "23", "24", "25", "26", "27"] for line in lines),
                            f"page {page} has no year header")
            self.assertIn("What we do in the plan period", self.text(page))
            self.assertIn("◎ 実施", self.text(page))

    def test_paper_and_orientation(self):
        self.handout("--paper", "a3")
        self.assert_size(A3)
        self.handout("--portrait")
        self.assert_size(tuple(reversed(A4)))
        self.handout("--paper", "A3", "--portrait")
        self.assert_size(tuple(reversed(A3)))

    def test_goals_and_years(self):
        self.handout("--goal", "2", "--fy-from", "H24", "--fy-to", "2013", "--year-format", "era")
        text = self.text()
        for _, commitment in self.commitments([self.goals[1]]):
            self.assertIsNotNone(find_wrapped(text.splitlines(), commitment), commitment)
        for _, commitment in self.commitments([self.goals[0]]):
            if commitment not in [c for _, c in self.commitments([self.goals[1]])]:
                self.assertNotIn(commitment, text)
        self.assertIn("平成24年度", text)
        self.assertIn("平成25年度", text)
        self.assertNotIn("平成23年度", text)

    def test_era_western_years(self):
        """平成22年度(2010): the era with the western year, as offices print it for both readers."""
        self.handout("--year-format", "era-western")
        text = self.text()
        self.assertIn("平成22年度(2010)", text)
        self.assertIn("平成27年度(2015)", text)
        self.handout("--year-format", "ERA-WESTERN", "--fy-from", "平成24年度(2012)", "--fy-to", "2013")
        text = self.text()
        self.assertIn("(2012)", text)
        self.assertIn("(2013)", text)
        self.assertNotIn("(2014)", text)

    def test_actor(self):
        self.handout("--actor", "区社協")
        text = self.text()
        for actor, commitment in self.commitments():
            if actor == "区社協":
                self.assertIsNotNone(find_wrapped(text.splitlines(), commitment), commitment)
        self.assertNotIn("ケアプラザ ", text)

    def test_parts(self):
        self.handout("--notes", "--expected-actions", "--counts")
        text = self.text()
        self.assertIn("What has improved", text)
        self.assertIn("隣近所に相談できる人がいない。", text)
        self.assertIn("Expected actions (examples)", text)
        self.assertIn("関係機関（施設・学校など）", text)
        self.assertIn("activities recorded", text)

    def test_replaces_whole_file(self):
        with open(self.pdf, "w") as f:
            f.write("old")
        self.handout()
        with open(self.pdf, "rb") as f:
            self.assertTrue(f.read().startswith(b"%PDF-"))
        self.assertEqual(os.listdir(self.tmp.name).count("handout.pdf"), 1)
        self.assertEqual([n for n in os.listdir(self.tmp.name) if n.startswith("handout.pdf.")], [])

    def test_refused(self):
        out = ["-o", self.pdf]
        self.assertIn("FY2010", self.assert_refused(1, *out, "--fy-from", "2009"))
        self.assert_refused(1, *out, "--fy-to", "平成28年度")
        self.assert_refused(1, *out, "--fy-from", "2014", "--fy-to", "2012")
        self.assert_refused(1, *out, "--fy-from", "abc")
        self.assertIn("9", self.assert_refused(1, *out, "--goal", "9"))
        self.assert_refused(1, *out, "--goal", "one")
        self.assert_refused(1, *out, "--actor", "nobody")
        self.assert_refused(1, *out, "--section", "第9節")
        self.assert_refused(1, *out, "--date", "2010-02-30")
        self.assert_refused(1, "-o", os.path.join(self.tmp.name, "missing", "h.pdf"))
        self.assert_refused(2)
        self.assert_refused(2, *out, "--paper", "b5")
        self.assert_refused(2, *out, "--year-format", "roman")
        self.assert_refused(2, *out, "extra")
        self.assert_refused(2, *out, "--colour")


def strip_ids(value):
    """The outline without its ids, as a new plan to import."""
    if isinstance(value, dict):
        return {key: strip_ids(item) for key, item in value.items() if key != "id"}
    if isinstance(value, list):
        return [strip_ids(item) for item in value]
    return value


@unittest.skipUnless(shutil.which("pdftotext"), "poppler-utils is not installed")
class SectionsTest(PdfCase):
    """A plan of two sections, imported beside the sample plan."""

    def setUp(self):
        super().setUp()
        outline = strip_ids(json.loads(self.cli("outline", "--json")))
        outline["plan"]["title"] = "二節の計画"
        goal = outline["sections"][0]["goals"].pop()
        goal["number"] = 1
        outline["sections"].append({"label": "第3節", "title": "地区で支える取組", "strengths": [],
                                    "challenges": [], "goals": [goal]})
        path = os.path.join(self.tmp.name, "two.json")
        with open(path, "w", encoding="utf-8") as file:
            json.dump(outline, file, ensure_ascii=False)
        self.sample_id = self.plan["id"]
        self.two_id = self.cli("plan", "import", path).strip()
        self.two = outline
        self.cli("plan", "choose", self.two_id)

    def flat(self):
        """The text without spaces, and without the schedule's marks, which
        pdftotext puts amid a commitment's wrapped lines."""
        return re.sub(r"◎実施", "", re.sub(r"\s+", "", self.text()))

    def assert_commitments(self, sections, present=True):
        flat = self.flat()
        for section in sections:
            for goal in section["goals"]:
                for commitment in goal["commitments"]:
                    check = self.assertIn if present else self.assertNotIn
                    check(re.sub(r"\s+", "", commitment["text"]), flat)

    def test_whole_plan_by_default(self):
        self.handout()
        flat = self.flat()
        for section in self.two["sections"]:
            self.assertIn(section["label"] + section["title"], flat)
        self.assert_commitments(self.two["sections"])

    def test_one_section(self):
        self.handout("--section", "2")
        flat = self.flat()
        first, second = self.two["sections"]
        self.assertIn(second["label"] + second["title"], flat)
        self.assertNotIn(first["label"] + first["title"], flat)
        self.assert_commitments([second])
        self.assert_commitments([first], present=False)

    def test_other_plan(self):
        self.handout("--plan", self.sample_id)
        self.assertIn(self.plan["title"], self.text())
        self.assertNotIn("第3節", self.text())

    def test_unknown_plan(self):
        self.assertIn("nope", self.assert_refused(1, "-o", self.pdf, "--plan", "nope"))

    def test_continued_goal_heading(self):
        # BIZ UDPGothic's lines are shorter than Noto's: large print to fill pages.
        pages = self.handout("--paper", "a4", "--portrait", "--large")
        self.assertGreater(pages, 1)
        first = self.text(2).splitlines()
        # The heading with its next line, where a long title wraps.
        heading = [line + first[i + 1] for i, line in enumerate(first[:-1]) if "Basic Goal" in line]
        self.assertTrue(heading and "(continued)" in heading[0], self.text(2))


if __name__ == "__main__":
    unittest.main(verbosity=2)
