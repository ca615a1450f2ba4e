#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""sasaeai-cli: what it does, and what it refuses without writing anything."""
import json
import os
import sqlite3
import subprocess
import tempfile
import unittest

CLI = os.environ.get("SASAEAI_CLI", "sasaeai-cli")


class CliTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.db = os.path.join(self.tmp.name, "plan.db")
        self.cli("org", "add", "いずみ中央地域ケアプラザ", "--actor", "ケアプラザ")
        self.cli("district", "add", "中川")
        outline = json.loads(self.cli("outline", "--json"))
        self.commitments = [c["id"] for g in outline["sections"][0]["goals"] for c in g["commitments"]]

    def tearDown(self):
        self.tmp.cleanup()

    def run_cli(self, *args):
        return subprocess.run([CLI, "--db", self.db, *args], capture_output=True, text=True)

    def cli(self, *args):
        result = self.run_cli(*args)
        self.assertEqual(result.returncode, 0, result.stderr)
        return result.stdout

    def dump(self):
        with sqlite3.connect(self.db) as db:
            return list(db.iterdump())

    def assert_refused(self, status, *args):
        before = self.dump()
        result = self.run_cli(*args)
        self.assertEqual(result.returncode, status, f"{args}: {result.stderr}")
        message = result.stderr.strip().splitlines()
        self.assertTrue(message and message[0].startswith("sasaeai-cli: "), result.stderr)
        self.assertEqual(self.dump(), before, f"{args} changed the database")
        return message[0]

    def add(self, *args):
        return self.cli("activity", "add", "--date", "2012-05-20", "--title", "ふれあいサロン", *args).strip()

    def test_plan_years_shrink(self):
        """Shrinking the plan's years over its phases asks first: refused with what falls
        outside, then kept or clipped as told; activities are never changed."""
        self.add("--commitment", self.commitments[0])
        message = self.assert_refused(1, "plan-years", "2013", "2015")
        self.assertIn("18 phases and 1 activity fall outside FY2013 to FY2015", message)
        self.assertIn("--clip", message)

        self.cli("plan-years", "2013", "2015", "--keep")
        outline = json.loads(self.cli("outline", "--json"))
        self.assertEqual(outline["plan"]["first_fy"], 2013)
        phases = [p for g in outline["sections"][0]["goals"] for c in g["commitments"] for p in c["phases"]]
        self.assertEqual({(p["start_fy"], p["end_fy"]) for p in phases}, {(2010, 2015)})

        self.cli("plan-years", "2014", "2016", "--clip")
        outline = json.loads(self.cli("outline", "--json"))
        phases = [p for g in outline["sections"][0]["goals"] for c in g["commitments"] for p in c["phases"]]
        self.assertEqual(len(phases), 18)
        self.assertEqual({(p["start_fy"], p["end_fy"]) for p in phases}, {(2014, 2015)})
        self.assertEqual(len(json.loads(self.cli("activity", "list", "--json"))), 1)

    def test_add_and_list(self):
        first = self.add("--org", "いずみ中央地域ケアプラザ", "--district", "中川", "--place", "地区センター",
                         "--participants", "25", "--volunteers", "4", "--commitment", self.commitments[0],
                         "--commitment", self.commitments[5], "--notes", "協働で実施", "--time", "13:30")
        self.cli("activity", "add", "--date", "2013-04-01", "--title", "あいさつ運動")
        listed = json.loads(self.cli("activity", "list", "--fy", "2012", "--json"))
        self.assertEqual(listed, [{
            "id": first, "date": "2012-05-20", "time": "13:30", "title": "ふれあいサロン",
            "organization": "いずみ中央地域ケアプラザ", "district": "中川", "place": "地区センター",
            "participants": 25, "volunteers": 4, "commitments": [self.commitments[0], self.commitments[5]],
            "notes": "協働で実施"}])
        self.assertEqual(len(json.loads(self.cli("activity", "list", "--json"))), 2)
        self.assertEqual(len(json.loads(self.cli("activity", "list", "--fy", "平成25年度", "--json"))), 1)
        self.assertEqual(len(json.loads(self.cli("activity", "list", "--from", "2013-04-02", "--json"))), 0)

    def test_edit_changes_only_given_fields(self):
        id = self.add("--participants", "25", "--notes", "メモ", "--commitment", self.commitments[0])
        self.cli("activity", "edit", id, "--participants", "30", "--commitment", self.commitments[1])
        (row,) = json.loads(self.cli("activity", "list", "--json"))
        self.assertEqual((row["participants"], row["notes"], row["title"]), (30, "メモ", "ふれあいサロン"))
        self.assertEqual(row["commitments"], [self.commitments[1]])
        self.cli("activity", "edit", id, "--notes", "")
        (row,) = json.loads(self.cli("activity", "list", "--json"))
        self.assertIsNone(row["notes"])

    def test_delete_and_undelete(self):
        id = self.add()
        self.cli("activity", "delete", id)
        self.assertEqual(json.loads(self.cli("activity", "list", "--json")), [])
        self.cli("activity", "undelete", id)
        self.assertEqual([a["id"] for a in json.loads(self.cli("activity", "list", "--json"))], [id])

    def test_bad_values_are_refused(self):
        add = ["activity", "add", "--date", "2012-05-20", "--title", "x"]
        self.assertIn("2011-02-29", self.assert_refused(1, "activity", "add", "--date", "2011-02-29", "--title", "x"))
        self.assert_refused(1, "activity", "add", "--date", "2012/05/20", "--title", "x")
        self.assertIn("abc", self.assert_refused(1, *add, "--participants", "abc"))
        self.assert_refused(1, *add, "--participants", "-3")
        self.assert_refused(1, *add, "--volunteers", "99999999999999999999999")
        self.assert_refused(1, *add, "--participants", "1000001")
        self.assertIn("nowhere", self.assert_refused(1, *add, "--org", "nowhere"))
        self.assert_refused(1, *add, "--district", "nowhere")
        self.assert_refused(1, *add, "--commitment", "4a0b4a2e-2f1c-4d0e-9d51-0c2f6c7d9e10")
        self.assert_refused(1, *add, "--commitment", self.commitments[0], "--commitment", "bogus")
        self.assert_refused(1, *add, "--time", "25:00")
        self.assert_refused(1, "activity", "add", "--date", "2012-05-20", "--title", "")
        self.assert_refused(1, "activity", "add", "--date", "2012-05-20", "--title", "長" * 201)
        self.assert_refused(1, "activity", "list", "--fy", "H99")
        self.assert_refused(1, "activity", "list", "--from", "2012-13-01")
        self.assert_refused(1, "org", "add", "X", "--actor", "nobody")
        self.assert_refused(1, "org", "add", "いずみ中央地域ケアプラザ", "--actor", "ケアプラザ")
        self.assert_refused(1, "district", "add", "中川")
        self.assert_refused(1, "holidays", "abc")

    def test_bad_edits_are_refused(self):
        id = self.add()
        self.assert_refused(1, "activity", "edit", id, "--date", "2012-02-30")
        self.assert_refused(1, "activity", "edit", id, "--participants", "many")
        self.assert_refused(1, "activity", "edit", id, "--commitment", "4a0b4a2e-2f1c-4d0e-9d51-0c2f6c7d9e10")
        self.assert_refused(1, "activity", "edit", "4a0b4a2e-2f1c-4d0e-9d51-0c2f6c7d9e10", "--title", "y")
        self.assert_refused(1, "activity", "delete", "4a0b4a2e-2f1c-4d0e-9d51-0c2f6c7d9e10")

    def test_usage_errors(self):
        self.assert_refused(2, "activity", "add", "--title", "x")
        self.assert_refused(2, "activity", "add", "--date", "2012-05-20", "--title", "x", "--colour", "red")
        self.assert_refused(2, "activity", "frobnicate")
        self.assert_refused(2, "activity")
        self.assert_refused(2, "bogus")
        self.assert_refused(2, "org", "add", "X")
        self.assert_refused(2, "outline", "extra")
        self.assert_refused(2, "activity", "edit")
        result = subprocess.run([CLI, "--db", self.db], capture_output=True, text=True)
        self.assertEqual(result.returncode, 2)

    def test_help_and_version(self):
        for command in (["--help"], ["activity", "--help"], ["activity", "add", "--help"], ["outline", "--help"],
                        ["org", "--help"], ["init", "--help"], ["holidays", "--help"]):
            result = self.run_cli(*command)
            self.assertEqual(result.returncode, 0, command)
            self.assertIn("Usage", result.stdout, command)
        self.assertRegex(self.cli("--version"), r"^sasaeai-cli \d+\.\d+\.\d+")

    def test_year_format_preference(self):
        """The text outline writes years as the window's year-format preference says."""
        config = os.path.join(self.tmp.name, "config")
        os.makedirs(os.path.join(config, "glib-2.0", "settings"))
        env = {**os.environ, "XDG_CONFIG_HOME": config, "GSETTINGS_BACKEND": "keyfile", "LANGUAGE": "C"}
        run = lambda: subprocess.run([CLI, "--db", self.db, "outline"], env=env, check=True,
                                     capture_output=True, text=True).stdout
        self.assertIn("FY2010–FY2015 実施", run())
        with open(os.path.join(config, "glib-2.0", "settings", "keyfile"), "w") as f:
            f.write("[io/github/sasaeai/Sasaeai]\nyear-format='era'\n")
        out = run()
        self.assertIn("H22–H27 実施", out)
        self.assertIn("平成22年度–平成27年度", out)

    def test_holidays(self):
        holidays = json.loads(self.cli("holidays", "2019", "--json"))
        self.assertIn({"date": "2019-05-01", "name": "天皇の即位の日"}, holidays)
        self.assertIn({"date": "2019-04-30", "name": "国民の休日"}, holidays)

    def test_site(self):
        id, name = self.cli("site", "--name", "いずみ中央").strip().split("\t")
        self.assertEqual(name, "いずみ中央")
        self.assertEqual(self.cli("site").strip(), f"{id}\tいずみ中央")


if __name__ == "__main__":
    unittest.main(verbosity=2)
