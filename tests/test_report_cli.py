#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""sasaeai-cli report: the activity log's totals by organization, district, commitment,
goal and month, checked row by row against totals counted here from activity list."""
import json
import os
import subprocess
import tempfile
import unicodedata
import unittest

from pdf_fonts import embedded_fonts

CLI = os.environ.get("SASAEAI_CLI", "sasaeai-cli")
BY = ["organization", "district", "commitment", "goal", "month"]
NO_KEY = {"organization": "No organization", "district": "No district", "commitment": "No commitment",
          "goal": "No basic goal"}


def months(first, last):
    """Every month from FIRST to LAST, "YYYY-MM"."""
    year, month = map(int, first.split("-"))
    while f"{year:04d}-{month:02d}" <= last:
        yield f"{year:04d}-{month:02d}"
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def width(text):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


class ReportCliTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.db = os.path.join(cls.tmp.name, "a.db")
        cls.cli("init")
        cls.outline = json.loads(cls.cli("outline", "--json"))
        cls.build_log()

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    @classmethod
    def run_cli(cls, *args, env=None):
        return subprocess.run([CLI, "--db", cls.db, *args], capture_output=True, text=True, env=env)

    @classmethod
    def cli(cls, *args):
        result = cls.run_cli(*args)
        assert result.returncode == 0, f"{args}: {result.stderr}"
        return result.stdout

    @classmethod
    def add(cls, date, *args):
        return cls.cli("activity", "add", "--date", date, "--title", "サロン", *args).strip()

    @classmethod
    def build_log(cls):
        """Organizations, districts, commitments in two goals; an activity in two
        commitments of two goals, one in two commitments of one goal, a deleted one, a
        deleted link, ones outside the year, one without organization, a deleted
        organization and district that activities still name."""
        goals = cls.outline["sections"][0]["goals"]
        g1, g2 = [c["id"] for c in goals[0]["commitments"]], [c["id"] for c in goals[1]["commitments"]]
        cls.org = {name: cls.cli("org", "add", name, "--actor", "ケアプラザ").strip()
                   for name in ["中川地域ケアプラザ", "いずみ野地域ケアプラザ", "上飯田地域ケアプラザ", "閉所した団体"]}
        cls.district = {name: cls.cli("district", "add", name).strip() for name in ["中川", "いずみ野", "緑園", "旧地区"]}
        add = cls.add
        add("2012-04-01", "--org", "中川地域ケアプラザ", "--district", "中川", "--commitment", g1[0],
            "--commitment", g2[0], "--participants", "12", "--volunteers", "3")
        add("2012-04-30", "--org", "中川地域ケアプラザ", "--district", "いずみ野", "--commitment", g1[0],
            "--commitment", g1[1], "--participants", "7", "--volunteers", "2")
        add("2012-07-15", "--org", "いずみ野地域ケアプラザ", "--district", "中川", "--commitment", g2[1],
            "--participants", "30")
        add("2012-12-31", "--district", "緑園", "--commitment", g2[0], "--participants", "4", "--volunteers", "1")
        add("2013-01-10", "--org", "上飯田地域ケアプラザ", "--participants", "9", "--volunteers", "9")
        add("2013-03-31", "--org", "閉所した団体", "--district", "旧地区", "--commitment", g1[2],
            "--participants", "15", "--volunteers", "5")
        edited = add("2012-09-09", "--org", "いずみ野地域ケアプラザ", "--commitment", g1[3], "--commitment", g2[2],
                     "--participants", "20", "--volunteers", "4")
        cls.cli("activity", "edit", edited, "--commitment", g2[2])  # the link to g1[3] is deleted
        gone = add("2012-06-01", "--org", "中川地域ケアプラザ", "--district", "緑園", "--commitment", g1[0],
                   "--participants", "500", "--volunteers", "50")
        cls.cli("activity", "delete", gone)
        add("2012-03-31", "--org", "中川地域ケアプラザ", "--commitment", g1[0], "--participants", "100")
        add("2013-04-01", "--org", "中川地域ケアプラザ", "--commitment", g1[0], "--participants", "200")
        add("2014-02-01", "--org", "上飯田地域ケアプラザ", "--district", "緑園", "--participants", "6")
        cls.cli("delete", cls.org["閉所した団体"], "--force")
        cls.cli("delete", cls.district["旧地区"], "--force")
        cls.activities = json.loads(cls.cli("activity", "list", "--json"))
        assert gone not in [a["id"] for a in cls.activities]

    # ---- the totals counted here ----------------------------------------------------

    def plan_order(self):
        """Commitments and goals in the plan's order, with their names."""
        commitments, goals, goal_of = {}, {}, {}
        for section in self.outline["sections"]:
            for goal in section["goals"]:
                goals[goal["id"]] = f"Basic Goal {goal['number']}  {goal['title']}"
                for c in goal["commitments"]:
                    commitments[c["id"]] = f"{c['actor']}: {c['text']}"
                    goal_of[c["id"]] = goal["id"]
        return commitments, goals, goal_of

    def keys(self, by, activity, goal_of):
        if by == "organization":
            return [self.org[activity["organization"]] if activity["organization"] else None]
        if by == "district":
            return [self.district[activity["district"]] if activity["district"] else None]
        if by == "commitment":
            return activity["commitments"] or [None]
        if by == "goal":
            return sorted({goal_of[c] for c in activity["commitments"]}) or [None]
        return [activity["date"][:7]]

    def names(self, by):
        commitments, goals, _ = self.plan_order()
        if by in ("organization", "district"):
            ids = self.org if by == "organization" else self.district
            deleted = {a[by] for a in self.activities if a[by + "_deleted"]}
            return {id: f"{name} (deleted)" if name in deleted else name
                    for name, id in sorted(ids.items())}
        return commitments if by == "commitment" else goals

    def expected(self, by, first, last):
        _, _, goal_of = self.plan_order()
        counted = [a for a in self.activities if first <= a["date"][:7] <= last]
        totals = {}
        for a in counted:
            for key in self.keys(by, a, goal_of):
                row = totals.setdefault(key, [0, 0, 0])
                row[0] += 1
                row[1] += a["participants"]
                row[2] += a["volunteers"]
        if by == "month":
            order = [(m, m) for m in months(first, last)]
        else:
            order = [(key, name) for key, name in self.names(by).items() if key in totals]
            if None in totals:
                order.append((None, NO_KEY[by]))
        rows = [dict(key=key, name=name, activities=totals.get(key, [0] * 3)[0],
                     participants=totals.get(key, [0] * 3)[1], volunteers=totals.get(key, [0] * 3)[2])
                for key, name in order]
        total = dict(activities=len(counted), participants=sum(a["participants"] for a in counted),
                     volunteers=sum(a["volunteers"] for a in counted))
        return rows, total

    def report(self, *args):
        return json.loads(self.cli("report", *args, "--json"))

    # ---- tests ------------------------------------------------------------------------

    def test_every_row_of_every_grouping(self):
        """Each grouping of fiscal year 2012 gives, row by row in order, the totals
        counted from activity list; the total counts each activity once."""
        for by in BY:
            with self.subTest(by=by):
                report = self.report("--fy", "2012", "--by", by)
                rows, total = self.expected(by, "2012-04", "2013-03")
                self.assertEqual((report["fiscal_year"], report["by"]), (2012, by))
                self.assertEqual(report["rows"], rows)
                self.assertEqual(report["total"], total)
        self.assertEqual(len(self.report("--fy", "2012", "--by", "month")["rows"]), 12)

    def test_what_the_log_holds(self):
        """The dataset has what the rules are about, so the comparison above tests them."""
        by_goal = self.report("--fy", "2012", "--by", "goal")
        by_commitment = self.report("--fy", "2012", "--by", "commitment")
        total = by_goal["total"]["activities"]
        self.assertEqual(total, 7)
        self.assertGreater(sum(r["activities"] for r in by_commitment["rows"]), total)
        self.assertGreater(sum(r["activities"] for r in by_goal["rows"]), total)
        orgs = self.report("--fy", "2012", "--by", "organization")["rows"]
        self.assertIn("閉所した団体 (deleted)", [r["name"] for r in orgs])
        self.assertEqual(orgs[-1], dict(key=None, name="No organization", activities=1, participants=4,
                                        volunteers=1))
        self.assertIn("旧地区 (deleted)", [r["name"] for r in self.report("--fy", "H24", "--by", "district")["rows"]])

    def test_range_of_months(self):
        """--from and --to take any months, each month shown, the rows as counted here."""
        for by in BY:
            with self.subTest(by=by):
                report = self.report("--from", "2012-03", "--to", "2014-02", "--by", by)
                rows, total = self.expected(by, "2012-03", "2014-02")
                self.assertIsNone(report["fiscal_year"])
                self.assertEqual(report["rows"], rows)
                self.assertEqual(report["total"], total)
        one = self.report("--from", "2012-07", "--to", "2012-07", "--by", "month")
        self.assertEqual(one["rows"], [dict(key="2012-07", name="2012-07", activities=1, participants=30,
                                            volunteers=0)])

    def test_year_without_activities(self):
        """A year without activities: no rows but the months, all zero."""
        report = self.report("--fy", "2020", "--by", "organization")
        self.assertEqual((report["rows"], report["total"]), ([], dict(activities=0, participants=0, volunteers=0)))
        self.assertEqual({r["activities"] for r in self.report("--fy", "2020", "--by", "month")["rows"]}, {0})

    def read_csv(self, *args, env=None):
        path = os.path.join(self.tmp.name, "totals.csv")
        result = self.run_cli("report", *args, "--csv", path, env=env)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout, "")
        with open(path, "rb") as f:
            return f.read()

    def test_csv(self):
        """CSV: UTF-8 with a byte order mark, CRLF, headings, every row, the total."""
        data = self.read_csv("--fy", "2012", "--by", "organization")
        self.assertTrue(data.startswith(b"\xef\xbb\xbf"))
        self.assertTrue(data.endswith(b"\r\n"))
        self.assertNotIn(b"\n", data.replace(b"\r\n", b""))
        lines = data[3:].decode("utf-8").split("\r\n")[:-1]
        rows, total = self.expected("organization", "2012-04", "2013-03")
        self.assertEqual(lines, ["Organization,Activities,Participants,Volunteers"] +
                         [f"{r['name']},{r['activities']},{r['participants']},{r['volunteers']}" for r in rows] +
                         [f"Total,{total['activities']},{total['participants']},{total['volunteers']}"])
        # Written under a temporary name, renamed: nothing else is left beside it.
        self.assertEqual(sorted(n for n in os.listdir(self.tmp.name) if not n.startswith("a.db")), ["totals.csv"])

    def test_csv_in_japanese(self):
        """The headings and the total line are translated."""
        env = dict(os.environ, LANG="C.UTF-8", LANGUAGE="ja")
        lines = self.read_csv("--fy", "2012", "--by", "month", env=env)[3:].decode("utf-8").split("\r\n")
        self.assertEqual(lines[0], "月,実施回数,延べ参加者数,ボランティア延べ数")
        self.assertEqual(lines[1], "2012年4月,2,19,5")
        self.assertTrue(lines[-2].startswith("合計,7,"), lines[-2])

    def test_pdf(self):
        """-o writes the table on A4 pages (A3 if asked): every row, the total, the headings."""
        path = os.path.join(self.tmp.name, "totals.pdf")
        result = self.run_cli("report", "--fy", "2012", "--by", "organization", "-o", path)
        self.assertEqual(result.returncode, 0, result.stderr)
        text = subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True, text=True).stdout
        rows, total = self.expected("organization", "2012-04", "2013-03")
        self.assertIn("Activity Totals by Organization", text)
        for row in rows + [dict(name="Total", **total)]:
            line = next((l for l in text.splitlines() if l.strip().startswith(row["name"])), None)
            self.assertIsNotNone(line, row["name"])
            self.assertEqual(line.split()[-3:], [str(row["activities"]), str(row["participants"]),
                                                 str(row["volunteers"])])
        info = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
        self.assertIn("595.276 x 841.89 pts (A4)", info)
        self.assertEqual(self.run_cli("report", "--fy", "2012", "--by", "month", "-o", path, "--paper", "a3")
                         .returncode, 0)
        self.assertIn("(A3)", subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout)
        self.assertIn("Font: BIZ UDPGothic", result.stderr)
        self.assertTrue(all(n.startswith("BIZUDPGothic-") for n, _ in embedded_fonts(path)))
        noto = self.run_cli("report", "--fy", "2012", "--by", "month", "-o", path, "--font", "noto")
        self.assertIn("Font: Noto Sans CJK JP", noto.stderr)
        self.assertTrue(all(n.startswith("NotoSansCJK") for n, _ in embedded_fonts(path)))
        bad = self.run_cli("report", "--fy", "2012", "--by", "month", "-o", path, "--paper", "b5")
        self.assertEqual(bad.returncode, 1)
        self.assertIn("Unknown paper", bad.stderr)

    def test_pdf_year_format(self):
        """--year-format writes the title's year as the handout and review sheet do."""
        path = os.path.join(self.tmp.name, "totals.pdf")
        result = self.run_cli("report", "--fy", "2012", "--by", "goal", "-o", path, "--year-format", "era-western")
        self.assertEqual(result.returncode, 0, result.stderr)
        text = subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True, text=True).stdout
        self.assertIn("平成24年度(2012) Activity Totals by Basic Goal", text)
        bad = self.run_cli("report", "--fy", "2012", "--by", "goal", "-o", path, "--year-format", "roman")
        self.assertEqual(bad.returncode, 1)
        self.assertIn("roman", bad.stderr)
        self.assertIn("era-western", bad.stderr)

    def test_table(self):
        """Without --json or --csv, an aligned table: numbers right-aligned, total last."""
        lines = self.cli("report", "--fy", "2012", "--by", "district").splitlines()
        rows, total = self.expected("district", "2012-04", "2013-03")
        self.assertEqual(len(lines), len(rows) + 2)
        self.assertEqual(len({width(line) for line in lines}), 1, lines)
        self.assertEqual(lines[0].split(), ["District", "Activities", "Participants", "Volunteers"])
        for line, row in zip(lines[1:], rows):
            self.assertEqual(line.rsplit(None, 3), [row["name"], str(row["activities"]), str(row["participants"]),
                                                    str(row["volunteers"])])
        self.assertEqual(lines[-1].split(), ["Total", str(total["activities"]), str(total["participants"]),
                                             str(total["volunteers"])])

    def test_bad_input(self):
        """Bad values are refused with a message and exit status 1; no file is written."""
        csv = os.path.join(self.tmp.name, "bad.csv")
        for args, message in [(["--fy", "abc", "--by", "month"], "“abc”"),
                              (["--fy", "2012", "--by", "foo"], "“foo”"),
                              (["--from", "2013-01", "--to", "2012-12", "--by", "month"], "after"),
                              (["--from", "2012-13", "--to", "2013-01", "--by", "month"], "“2012-13”"),
                              (["--from", "2012-00", "--to", "2013-01", "--by", "goal"], "“2012-00”"),
                              (["--from", "2012-4", "--to", "2013-01", "--by", "goal"], "“2012-4”"),
                              (["--from", "2012-04", "--to", "2012-04-30", "--by", "goal"], "“2012-04-30”")]:
            with self.subTest(args=args):
                result = self.run_cli("report", *args, "--csv", csv)
                self.assertEqual(result.returncode, 1, result.stderr)
                self.assertTrue(result.stderr.startswith("sasaeai-cli: "), result.stderr)
                self.assertIn(message, result.stderr)
                self.assertFalse(os.path.exists(csv))
        for args in [["--fy", "2012"], ["--by", "month"], ["--fy", "2012", "--from", "2012-04", "--to", "2012-05",
                                                          "--by", "month"],
                     ["--from", "2012-04", "--by", "month"], ["--fy", "2012", "--by", "month", "--json", "--csv", csv]]:
            with self.subTest(args=args):
                result = self.run_cli("report", *args)
                self.assertEqual(result.returncode, 2, result.stderr)
                self.assertFalse(os.path.exists(csv))


if __name__ == "__main__":
    unittest.main()
