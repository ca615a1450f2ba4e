#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""sasaeai-cli plan and commitment: several plans in one database, a plan as a JSON
file, a plan's next period and the comparison of the two."""
import copy
import json
import os
import sqlite3
import subprocess
import tempfile
import unittest

CLI = os.environ.get("SASAEAI_CLI", "sasaeai-cli")


def commitments(outline):
    return [c for s in outline["sections"] for g in s["goals"] for c in g["commitments"]]


def without_ids(node):
    """The outline as a person writes it by hand: no ids anywhere."""
    if isinstance(node, dict):
        return {k: without_ids(v) for k, v in node.items() if k not in ("id", "parent_id")}
    if isinstance(node, list):
        return [without_ids(v) for v in node]
    return node


class PlansCliTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.db = self.path("a.db")
        self.cli("init")
        self.sample = json.loads(self.cli("outline", "--json"))
        self.sample_id = self.sample["plan"]["id"]

    def tearDown(self):
        self.tmp.cleanup()

    def path(self, name):
        return os.path.join(self.tmp.name, name)

    def run_cli(self, *args, db=None):
        return subprocess.run([CLI, "--db", db or self.db, *args], capture_output=True, text=True)

    def cli(self, *args, db=None):
        result = self.run_cli(*args, db=db)
        self.assertEqual(result.returncode, 0, f"{args}: {result.stderr}")
        return result.stdout

    def dump(self, db=None):
        with sqlite3.connect(db or self.db) as connection:
            return list(connection.iterdump())

    def write_json(self, name, value):
        path = self.path(name)
        with open(path, "w", encoding="utf-8") as file:
            json.dump(value, file, ensure_ascii=False)
        return path

    def refused(self, *args):
        before = self.dump()
        result = self.run_cli(*args)
        self.assertEqual(result.returncode, 1, f"{args}: {result.stdout}")
        self.assertEqual(self.dump(), before, f"{args} changed the database")
        return result.stderr

    def two_section_plan(self):
        """The sample plan with a second section made of its last goal."""
        plan = without_ids(copy.deepcopy(self.sample))
        plan["plan"]["title"] = "第2期 中川地区 地区別計画"
        moved = plan["sections"][0]["goals"].pop()
        moved["number"] = 1
        plan["sections"].append({"label": "第3節", "title": "地区の取組", "strengths": ["見守りの輪"],
                                 "challenges": [], "goals": [moved]})
        return plan

    def test_import_round_trips_through_outline(self):
        """A two-section plan with its ids, imported into a new database, comes back unchanged."""
        first = self.cli("plan", "import", self.write_json("plan.json", self.two_section_plan())).strip()
        exported = self.cli("outline", "--plan", first, "--json")
        empty = self.path("b.db")
        self.cli("init", "--empty", db=empty)
        again = self.cli("plan", "import", self.write_json("again.json", json.loads(exported)), db=empty).strip()
        self.assertEqual(again, first)
        self.assertEqual(self.cli("outline", "--json", db=empty), exported)
        self.assertEqual([s["title"] for s in json.loads(exported)["sections"]],
                         [s["title"] for s in self.sample["sections"]] + ["地区の取組"])

    def test_import_without_ids_makes_a_second_plan(self):
        """Ids are optional; the new plan stands beside the first, which stays the default."""
        new_id = self.cli("plan", "import", self.write_json("plan.json", self.two_section_plan())).strip()
        plans = json.loads(self.cli("plan", "list", "--json"))
        self.assertEqual(sorted(p["id"] for p in plans), sorted([self.sample_id, new_id]))
        for plan in plans:
            self.assertEqual(set(plan), {"id", "title", "area", "first_fy", "last_fy", "district", "parent_id"})
        self.assertEqual(json.loads(self.cli("outline", "--json"))["plan"]["id"], self.sample_id)
        imported = json.loads(self.cli("outline", "--plan", new_id, "--json"))
        self.assertEqual(len(commitments(imported)), len(commitments(self.sample)))
        self.assertEqual(without_ids(imported)["sections"], self.two_section_plan()["sections"])
        # Commands follow the plan chosen last.
        self.cli("plan", "choose", new_id)
        self.assertEqual(json.loads(self.cli("outline", "--json"))["plan"]["id"], new_id)

    def test_import_reports_every_problem_and_writes_nothing(self):
        plan = self.two_section_plan()
        goals = plan["sections"][0]["goals"]
        goals[0]["commitments"][2]["phases"][0]["start_fy"] = 2016
        goals[1]["number"] = goals[0]["number"]
        goals[1]["commitments"][0]["target_value"] = "six"
        goals[1]["commitments"][1]["actor"] = ""
        plan["sections"][1]["title"] = ""
        message = self.refused("plan", "import", self.write_json("bad.json", plan))
        self.assertIn("5 problems; nothing was imported", message)
        for expected in ["sections[0].goals[0].commitments[2].phases[0]: the start year is after the end year",
                         "sections[0].goals[1].number: basic goal 1 appears twice in the section",
                         "sections[0].goals[1].commitments[0].target_value: must be a whole number",
                         "sections[0].goals[1].commitments[1].actor: must name who does it",
                         "sections[1]: Title must not be empty"]:
            self.assertIn(expected, message)

    def test_import_refuses_what_is_not_a_plan(self):
        self.assertIn("not a plan in JSON", self.refused("plan", "import", self.write_text("broken.json", "{")))
        self.assertIn("$: must be an object", self.refused("plan", "import", self.write_json("list.json", [])))
        self.assertIn("plan: must be an object", self.refused("plan", "import", self.write_json("empty.json", {})))
        # The same plan twice: its ids are in the database already.
        self.assertIn("in the database already",
                      self.refused("plan", "import", self.write_json("same.json", self.sample)))

    def write_text(self, name, text):
        path = self.path(name)
        with open(path, "w", encoding="utf-8") as file:
            file.write(text)
        return path

    def test_district_plan_belongs_to_the_ward_plan(self):
        """plan edit makes a plan a district's, belonging to the ward plan; refusals change nothing."""
        self.cli("district", "add", "中川")
        new_id = self.cli("plan", "import", self.write_json("plan.json", self.two_section_plan())).strip()
        self.cli("plan", "edit", new_id, "--district", "中川", "--ward-plan", self.sample_id)
        plans = {p["id"]: p for p in json.loads(self.cli("plan", "list", "--json"))}
        self.assertEqual((plans[new_id]["district"], plans[new_id]["parent_id"]), ("中川", self.sample_id))
        self.assertEqual((plans[self.sample_id]["district"], plans[self.sample_id]["parent_id"]), (None, None))
        outline = json.loads(self.cli("outline", "--plan", new_id, "--json"))
        self.assertEqual((outline["plan"]["district"], outline["plan"]["parent_id"]), ("中川", self.sample_id))
        self.assertIn("no district", self.refused("plan", "edit", new_id, "--district", "新橋").lower())
        self.assertIn("cannot belong", self.refused("plan", "edit", self.sample_id, "--ward-plan", new_id))
        self.assertIn("cannot belong", self.refused("plan", "edit", new_id, "--ward-plan", new_id))
        self.cli("plan", "edit", new_id, "--no-district", "--no-ward-plan")
        plans = {p["id"]: p for p in json.loads(self.cli("plan", "list", "--json"))}
        self.assertEqual((plans[new_id]["district"], plans[new_id]["parent_id"]), (None, None))

    def test_plans_travel_in_sync_files(self):
        """A new period, its carry-over marks and a district plan reach another office."""
        self.cli("district", "add", "中川")
        new_id = self.cli("plan", "new-period", self.sample_id, "--first-fy", "2016", "--last-fy", "2020").strip()
        first = commitments(json.loads(self.cli("outline", "--plan", new_id, "--json")))[0]["id"]
        self.cli("commitment", "carry-over", first, "expand")
        self.cli("plan", "edit", new_id, "--district", "中川", "--ward-plan", self.sample_id)
        # An office that has neither plan yet takes each row after the row it names.
        other = self.path("b.db")
        self.cli("init", "--empty", db=other)
        sync = self.path("a.sasaeai")
        self.cli("export-sync", sync)
        self.cli("import-sync", sync, db=other)
        self.assertEqual(self.cli("outline", "--plan", new_id, "--json", db=other),
                         self.cli("outline", "--plan", new_id, "--json"))
        self.assertEqual(self.cli("plan", "compare", self.sample_id, new_id, "--json", db=other),
                         self.cli("plan", "compare", self.sample_id, new_id, "--json"))

    def test_report_for_one_plan(self):
        """report --plan counts the activities that advance that plan's commitments, in its rows."""
        new_id = self.cli("plan", "new-period", self.sample_id, "--first-fy", "2016", "--last-fy", "2020").strip()
        old = commitments(self.sample)
        new = commitments(json.loads(self.cli("outline", "--plan", new_id, "--json")))
        self.cli("activity", "add", "--date", "2016-05-01", "--title", "旧", "--participants", "3",
                 "--commitment", old[0]["id"])
        self.cli("activity", "add", "--date", "2016-06-01", "--title", "両方", "--participants", "5",
                 "--commitment", old[1]["id"], "--commitment", new[1]["id"])
        self.cli("activity", "add", "--date", "2016-07-01", "--title", "新", "--participants", "7",
                 "--commitment", new[2]["id"], "--commitment", new[3]["id"])
        self.cli("activity", "add", "--date", "2016-08-01", "--title", "なし", "--participants", "11")
        every = json.loads(self.cli("report", "--fy", "2016", "--by", "commitment", "--json"))
        self.assertEqual(every["total"]["activities"], 4)
        mine = json.loads(self.cli("report", "--fy", "2016", "--by", "commitment", "--plan", new_id, "--json"))
        self.assertEqual(mine["total"], dict(activities=2, participants=12, volunteers=0))
        self.assertEqual([r["key"] for r in mine["rows"]], [new[1]["id"], new[2]["id"], new[3]["id"]])
        by_org = json.loads(self.cli("report", "--fy", "2016", "--by", "organization", "--plan", new_id, "--json"))
        self.assertEqual(by_org["total"]["participants"], 12)
        self.assertIn("no plan with id", self.refused("report", "--fy", "2016", "--by", "goal", "--plan", "nonexistent"))

    def test_new_period_carries_every_commitment_over(self):
        before = self.cli("outline", "--plan", self.sample_id, "--json")
        new_id = self.cli("plan", "new-period", self.sample_id, "--first-fy", "2016", "--last-fy", "2020").strip()
        self.assertEqual(self.cli("outline", "--plan", self.sample_id, "--json"), before)
        new = json.loads(self.cli("outline", "--plan", new_id, "--json"))
        self.assertEqual(new["plan"]["title"], "第3期泉区地域福祉保健計画")
        self.assertEqual((new["plan"]["first_fy"], new["plan"]["last_fy"]), (2016, 2020))
        old_ids = [c["id"] for c in commitments(self.sample)]
        carried = commitments(new)
        self.assertEqual(len(carried), 18)
        self.assertEqual([c["predecessor_id"] for c in carried], old_ids)
        self.assertTrue(all(c["carry_over"] == "continue" for c in carried))
        self.assertTrue(all([(p["start_fy"], p["end_fy"]) for p in c["phases"]] == [(2016, 2020)] for c in carried))

        # Marking some, then comparing.
        self.cli("commitment", "carry-over", carried[0]["id"], "expand")
        self.cli("commitment", "carry-over", carried[1]["id"], "merge")
        self.cli("commitment", "carry-over", carried[2]["id"], "end")
        self.cli("delete", "--force", carried[3]["id"])
        counts = json.loads(self.cli("plan", "compare", self.sample_id, new_id, "--json"))
        self.assertEqual({k: counts[k] for k in ("continue", "expand", "merge", "end", "new")},
                         {"continue": 14, "expand": 1, "merge": 1, "end": 2, "new": 0})
        ended = json.loads(self.cli("outline", "--plan", new_id, "--json"))
        self.assertEqual(commitments(ended)[2]["phases"], [])
        # Carried on again, it is scheduled over the new years once more.
        self.cli("commitment", "carry-over", carried[2]["id"], "continue")
        again = commitments(json.loads(self.cli("outline", "--plan", new_id, "--json")))[2]
        self.assertEqual([(p["start_fy"], p["end_fy"]) for p in again["phases"]], [(2016, 2020)])
        self.assertEqual(self.cli("outline", "--plan", self.sample_id, "--json"), before)

    def test_new_period_refusals(self):
        self.assertIn("not a way to carry over",
                      self.refused("commitment", "carry-over", commitments(self.sample)[0]["id"], "keep"))
        self.assertIn("no plan with id", self.refused("plan", "new-period", "nonexistent", "--first-fy", "2016",
                                                      "--last-fy", "2020"))
        self.assertIn("after the old one began", self.refused("plan", "new-period", self.sample_id,
                                                              "--first-fy", "2010", "--last-fy", "2014"))
        self.assertIn("is after its last", self.refused("plan", "new-period", self.sample_id,
                                                        "--first-fy", "2016", "--last-fy", "2015"))
        self.assertIn("no plan with id", self.refused("plan", "compare", self.sample_id, "nonexistent"))

    def test_organizations_find_the_actor_of_the_chosen_plan(self):
        """Each period has its own 区役所: an organization joins the one of the plan in use."""
        new_id = self.cli("plan", "new-period", self.sample_id, "--first-fy", "2016", "--last-fy", "2020").strip()
        self.cli("org", "add", "泉区役所 福祉保健課", "--actor", "区役所")
        self.cli("plan", "choose", new_id)
        self.cli("org", "add", "泉区役所 地域振興課", "--actor", "区役所")
        with sqlite3.connect(self.db) as db:
            plans = dict(db.execute("SELECT o.name, a.plan_id FROM organization o JOIN actor a ON a.id = o.actor_id"))
        self.assertEqual(plans["泉区役所 福祉保健課"], self.sample_id)
        self.assertEqual(plans["泉区役所 地域振興課"], new_id)


if __name__ == "__main__":
    unittest.main()
