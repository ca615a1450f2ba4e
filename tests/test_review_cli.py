#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""sasaeai-cli review: the yearly review of each commitment, its rating scale, the
activity log's totals, and reviews carried by sync files."""
import json
import os
import sqlite3
import subprocess
import tempfile
import unittest

CLI = os.environ.get("SASAEAI_CLI", "sasaeai-cli")
ALL_DISTRICTS = "7543f81e-911f-5a24-ad22-322bcd002554"  # the sample's 全地区 target


class ReviewCliTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.db = self.path("a.db")
        self.cli("init")
        outline = json.loads(self.cli("outline", "--json"))
        self.commitments = [c["id"] for s in outline["sections"] for g in s["goals"] for c in g["commitments"]]

    def tearDown(self):
        self.tmp.cleanup()

    def path(self, name):
        return os.path.join(self.tmp.name, name)

    def run_cli(self, *args, db=None, later=False):
        """@later runs the CLI with its clock a second ahead, as an edit made after another."""
        env = dict(os.environ, SASAEAI_CLOCK_OFFSET_MS="1000") if later else None
        return subprocess.run([CLI, "--db", db or self.db, *args], capture_output=True, text=True, env=env)

    def cli(self, *args, db=None, later=False):
        result = self.run_cli(*args, db=db, later=later)
        self.assertEqual(result.returncode, 0, result.stderr)
        return result.stdout

    def dump(self):
        with sqlite3.connect(self.db) as connection:
            return list(connection.iterdump())

    def refused(self, *args):
        before = self.dump()
        result = self.run_cli(*args)
        self.assertEqual(result.returncode, 1, f"{args}: {result.stderr}")
        self.assertTrue(result.stderr.startswith("sasaeai-cli: "), result.stderr)
        self.assertEqual(self.dump(), before, f"{args} changed the database")
        return result.stderr

    def reviews(self, fy="2012", db=None):
        return {r["commitment_id"]: r for r in json.loads(self.cli("review", "list", "--fy", fy, "--json", db=db))}

    def add(self, date, *args):
        return self.cli("activity", "add", "--date", date, "--title", "サロン", *args).strip()

    def test_round_trip(self):
        """A review written field by field reads back; only the fields given change, and
        the year is accepted as activity list accepts it."""
        c = self.commitments[0]
        self.cli("review", "set", c, "--fy", "H24", "--rating", "B", "--results", "サロンを毎月開催\n参加者増",
                 "--next", "expand")
        self.cli("review", "set", c, "--fy", "平成24年度", "--issues", "担い手不足")
        row = self.reviews("2012")[c]
        self.assertEqual((row["rating"], row["results"], row["issues"], row["next"]),
                         ("B", "サロンを毎月開催\n参加者増", "担い手不足", "expand"))
        self.assertEqual(row["fiscal_year"], 2012)
        self.assertEqual(self.reviews("2013")[c]["rating"], None)
        other = self.reviews("2012")[self.commitments[1]]
        self.assertEqual((other["rating"], other["results"], other["issues"], other["next"]), (None,) * 4)
        self.cli("review", "set", c, "--fy", "2012", "--next", "")
        self.assertIsNone(self.reviews("2012")[c]["next"])
        self.assertIn("B", self.cli("review", "list", "--fy", "2012"))
        self.refused("review", "set", c, "--fy", "2012", "--next", "later")
        self.refused("review", "set", "no-such-commitment", "--fy", "2012", "--rating", "A")
        plan = json.loads(self.cli("outline", "--json"))["plan"]["id"]
        self.assertEqual(len(json.loads(self.cli("review", "list", "--fy", "2012", "--plan", plan, "--json"))),
                         len(self.commitments))
        self.assertIn("no plan", self.refused("review", "list", "--fy", "2012", "--plan", "nope", "--json"))

    def test_scale_refusals(self):
        """A rating off the plan's scale is refused; a scale that drops a level in use is
        refused with how many reviews use it; a new scale takes over."""
        c = self.commitments[0]
        self.assertEqual([l["code"] for l in json.loads(self.cli("review", "scale", "--json"))], list("ABCD"))
        self.assertIn("“E”", self.refused("review", "set", c, "--fy", "2012", "--rating", "E", "--results", "x"))
        self.cli("review", "set", c, "--fy", "2012", "--rating", "D")
        self.cli("review", "set", self.commitments[1], "--fy", "2013", "--rating", "D")
        message = self.refused("review", "scale", "--set", "◎=順調,○=概ね順調,△=やや遅れ,×=遅れ")
        self.assertIn("“D”", message)
        self.assertIn("2 reviews", message)

        self.cli("review", "scale", "--set", "◎=順調,○=概ね順調,△=やや遅れ,×=遅れ,D=遅れている")
        scale = json.loads(self.cli("review", "scale", "--json"))
        self.assertEqual([l["code"] for l in scale], ["◎", "○", "△", "×", "D"])
        self.assertEqual(scale[0]["label"], "順調")
        self.cli("review", "set", c, "--fy", "2012", "--rating", "◎")
        self.refused("review", "set", c, "--fy", "2012", "--rating", "A")
        self.assertEqual(self.reviews("2012")[c]["rating"], "◎")
        self.assertIn("1 review", self.refused("review", "scale", "--set", "◎=順調,○=概ね順調"))

    def test_totals_match_activity_list(self):
        """Each commitment's totals are those of its linked activities of the year, counted
        from activity list, deleted activities and other years left out."""
        self.cli("district", "add", "中川")
        c0, c1, c2 = self.commitments[:3]
        self.add("2012-04-01", "--commitment", c0, "--participants", "12", "--volunteers", "3")
        self.add("2013-03-31", "--commitment", c0, "--commitment", c1, "--participants", "7", "--volunteers", "1")
        self.add("2013-04-01", "--commitment", c0, "--participants", "100")
        gone = self.add("2012-06-01", "--commitment", c1, "--participants", "50")
        self.add("2012-06-02", "--commitment", c2, "--district", "中川", "--volunteers", "5")
        self.add("2012-06-03", "--participants", "9")
        self.cli("activity", "delete", gone)

        activities = json.loads(self.cli("activity", "list", "--fy", "2012", "--json"))
        rows = self.reviews("2012")
        self.assertEqual(len(rows), len(self.commitments))
        for id, row in rows.items():
            linked = [a for a in activities if id in a["commitments"]]
            self.assertEqual(row["activities"], len(linked), id)
            self.assertEqual(row["participants"], sum(a["participants"] for a in linked), id)
            self.assertEqual(row["volunteers"], sum(a["volunteers"] for a in linked), id)
        self.assertEqual((rows[c0]["activities"], rows[c0]["participants"], rows[c0]["volunteers"]), (2, 19, 4))

    def test_target_progress(self):
        """全地区 counts the districts reached that year out of the live districts; a target
        in 回 counts the linked activities."""
        for name in ("中川", "北山田", "東山田"):
            self.cli("district", "add", name)
        self.add("2012-05-01", "--commitment", ALL_DISTRICTS, "--district", "中川")
        self.add("2012-06-01", "--commitment", ALL_DISTRICTS, "--district", "中川")
        self.add("2012-07-01", "--commitment", ALL_DISTRICTS, "--district", "北山田")
        self.add("2013-07-01", "--commitment", ALL_DISTRICTS, "--district", "東山田")
        target = self.reviews("2012")[ALL_DISTRICTS]["target"]
        self.assertEqual((target["text"], target["value"], target["actual"], target["percent"]), ("全地区", 3, 2, 66))

        c = self.commitments[0]
        self.cli("commitment", "target", c, "--text", "年4回", "--value", "4", "--unit", "回",
                 "--measure", "activities")
        for day in ("2012-05-01", "2012-08-01", "2012-11-01"):
            self.add(day, "--commitment", c)
        target = self.reviews("2012")[c]["target"]
        self.assertEqual((target["value"], target["unit"], target["actual"], target["percent"]), (4, "回", 3, 75))
        self.assertIsNone(self.reviews("2012")[self.commitments[1]]["target"])

    def target(self, c, fy="2012"):
        return self.reviews(fy)[c]["target"]

    def test_commitment_target(self):
        """A target's words, number, unit and measure are set field by field, read back
        in the outline and review list; an empty value clears a field, none the measure."""
        c = self.commitments[0]
        self.cli("commitment", "target", c, "--text", "年4回", "--value", "4", "--unit", "回")
        self.cli("commitment", "target", c.upper(), "--measure", "activities")
        outline = json.loads(self.cli("outline", "--json"))
        got = [x for s in outline["sections"] for g in s["goals"] for x in g["commitments"] if x["id"] == c][0]
        self.assertEqual((got["target"], got["target_value"], got["target_unit"], got["target_measure"]),
                         ("年4回", 4, "回", "activities"))
        self.assertEqual(self.target(c)["measure"], "activities")
        self.assertIn("年4回", self.cli("commitment", "target", c))
        self.cli("commitment", "target", c, "--measure", "none", "--unit", "")
        target = self.target(c)
        self.assertEqual((target["text"], target["value"], target["unit"], target["measure"], target["actual"]),
                         ("年4回", 4, None, None, None))

    def test_commitment_target_refusals(self):
        """A value that is not a whole number, negative or too large, an unknown measure
        or commitment is refused with a message, and nothing changes."""
        c = self.commitments[0]
        self.cli("commitment", "target", c, "--text", "6か所", "--value", "6", "--unit", "か所")
        for value in ("six", "-1", "1000000001", "99999999999999999999", "4.5"):
            self.assertIn("whole number" if value != "-1" and value != "1000000001" else "Target value",
                          self.refused("commitment", "target", c, "--value", value, "--measure", "places"))
        self.assertIn("“weekly”", self.refused("commitment", "target", c, "--measure", "weekly"))
        self.assertIn("no commitment", self.refused("commitment", "target", "no-such-id", "--value", "1"))
        self.assertIn("Target", self.refused("commitment", "target", c, "--text", "x" * 201))
        self.assertEqual(self.target(c)["measure"], None)

    def test_measures(self):
        """Progress follows the stored measure, not the target's words: 回 counted as
        districts, 全地区 not counted at all; a manual value is entered per year."""
        self.cli("district", "add", "中川")
        self.cli("district", "add", "北山田")
        c = self.commitments[0]
        self.add("2012-05-01", "--commitment", c, "--district", "中川")
        self.add("2012-06-01", "--commitment", c, "--district", "中川")
        self.cli("commitment", "target", c, "--text", "年4回", "--value", "4", "--unit", "回", "--measure", "districts")
        target = self.target(c)
        self.assertEqual((target["value"], target["actual"], target["percent"]), (2, 1, 50))
        self.cli("commitment", "target", ALL_DISTRICTS, "--measure", "none")
        self.add("2012-05-01", "--commitment", ALL_DISTRICTS, "--district", "中川")
        target = self.target(ALL_DISTRICTS)
        self.assertEqual((target["text"], target["actual"], target["percent"]), ("全地区", None, None))

        self.assertIn("--measure manual", self.refused("review", "set", c, "--fy", "2012", "--actual", "3"))
        self.cli("commitment", "target", c, "--measure", "manual", "--value", "6")
        self.assertIsNone(self.target(c)["actual"])
        self.cli("review", "set", c, "--fy", "2012", "--actual", "4")
        self.cli("review", "set", c, "--fy", "2013", "--actual", "7")
        target = self.target(c)
        self.assertEqual((target["measure"], target["value"], target["actual"], target["percent"]), ("manual", 6, 4, 66))
        self.assertEqual((self.target(c, "2013")["actual"], self.target(c, "2013")["percent"]), (7, 116))
        for bad in ("four", "-2", "1000000001"):
            self.refused("review", "set", c, "--fy", "2012", "--actual", bad, "--results", "x")
        self.cli("review", "set", c, "--fy", "2012", "--actual", "")
        self.assertIsNone(self.target(c)["actual"])

    def test_sync(self):
        """A review and a new scale travel by sync file; two offices writing different
        fields of the same commitment's review of a year keep both."""
        b = self.path("b.db")
        self.cli("init", db=b)
        self.cli("site", "--name", "区役所", db=b)
        c = self.commitments[0]
        self.cli("review", "scale", "--set", "◎=順調,○=概ね順調,△=やや遅れ,×=遅れ")
        self.cli("review", "set", c, "--fy", "2012", "--rating", "○")
        self.cli("review", "set", c, "--fy", "2012", "--results", "毎月開催", "--next", "continue", db=b, later=True)
        file_a, file_b = self.path("a.sasaeai"), self.path("b.sasaeai")
        self.cli("export-sync", file_a)
        self.cli("export-sync", file_b, db=b)
        self.cli("import-sync", file_a, db=b)
        self.cli("import-sync", file_b)
        for db in (self.db, b):
            row = self.reviews("2012", db=db)[c]
            self.assertEqual((row["rating"], row["results"], row["next"]), ("○", "毎月開催", "continue"), db)
            scale = json.loads(self.cli("review", "scale", "--json", db=db))
            self.assertEqual([l["code"] for l in scale], ["◎", "○", "△", "×"], db)


if __name__ == "__main__":
    unittest.main()
