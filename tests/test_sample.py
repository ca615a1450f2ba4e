#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The sample plan a new database starts with holds exactly the plan document's texts.

The plan document (section 2 of the 2nd Izumi Ward plan) is read here on its own terms,
independently of how the sample was made, and compared with `sasaeai-cli outline --json`.
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import unittest

CLI = os.environ.get("SASAEAI_CLI", "sasaeai-cli")
SEED = os.path.join(os.environ.get("G_TEST_SRCDIR", os.path.dirname(__file__)),
                    "data", "izumi-plan-section2.txt")
COMMITTING = ("区役所", "区社協", "ケアプラザ")


def bullets(cell):
    """The items of a cell written as '・a ・b', markup removed."""
    text = re.sub(r"<[^>]+>", "", cell)
    # An item starts with a '・' after a space; a '・' inside words joins them.
    return [item.strip() for item in re.split(r"(?:^|\s)・", text) if item.strip()]


def read_seed():
    lines = open(SEED, encoding="utf-8").read().splitlines()
    seed = {"strengths": [], "challenges": [], "goals": []}
    notes = None
    goal = None
    actor = None
    for i, line in enumerate(lines):
        stripped = line.strip()
        if "充実してきたこと" in stripped:
            notes = seed["strengths"]
        elif "課題と感じていること" in stripped:
            notes = seed["challenges"]
        elif stripped.startswith("具体的な取組内容"):
            notes = None
        elif notes is not None and stripped.startswith("- "):
            notes.append(stripped[2:])
        elif re.fullmatch(r"基本目標 \d+", stripped):
            title = next(l.strip() for l in lines[i + 1:] if l.strip())
            goal = {"number": int(stripped.split()[1]), "title": title,
                    "initiatives": [], "expected": [], "commitments": []}
            seed["goals"].append(goal)
        elif goal and stripped.startswith("○"):
            goal["initiatives"].append(stripped[1:])
        elif goal and "\t" in line and "<ul" in line:
            who, cell = line.split("\t", 1)
            goal["expected"] += [(who, text) for text in bullets(cell)]
        elif goal and "\t" in line and "◎" in line:
            cells = line.split("\t")
            actor = cells[0].strip() or actor
            text = cells[1].strip().lstrip("・").strip()
            target = re.search(r"【目標：(.+?)】", text)
            goal["commitments"].append((actor, re.sub(r"【目標：.+?】", "", text),
                                        target.group(1) if target else None))
    return seed


def normalize_actor(name):
    """The document writes the same actors in several ways."""
    name = re.sub(r"\s|・", "", name)
    return name.replace("（", "(").replace("）", ")")


class SampleTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.db = os.path.join(cls.tmp.name, "new.db")
        subprocess.run([CLI, "--db", cls.db, "init"], check=True, capture_output=True)
        out = subprocess.run([CLI, "--db", cls.db, "outline", "--json"],
                             check=True, capture_output=True, text=True).stdout
        cls.outline = json.loads(out)
        cls.seed = read_seed()

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_counts(self):
        plan, sections = self.outline["plan"], self.outline["sections"]
        self.assertEqual(len(sections), 1)
        goals = sections[0]["goals"]
        self.assertEqual(len(goals), 3)
        self.assertEqual(sum(len(g["expected_actions"]) for g in goals), 15)
        self.assertEqual(sum(len(g["commitments"]) for g in goals), 18)
        self.assertEqual(plan["title"], "第2期泉区地域福祉保健計画")
        self.assertEqual(plan["area"], "泉区")
        self.assertEqual((plan["first_fy"], plan["last_fy"]), (2010, 2015))
        self.assertEqual((sections[0]["label"], sections[0]["title"]), ("第2節", "計画を支える土台の取組"))

    def test_notes(self):
        section = self.outline["sections"][0]
        self.assertEqual(len(self.seed["strengths"]), 3)
        self.assertEqual(section["strengths"], self.seed["strengths"])
        self.assertEqual(section["challenges"], self.seed["challenges"])

    def test_goals(self):
        goals = self.outline["sections"][0]["goals"]
        for goal, expected in zip(goals, self.seed["goals"], strict=True):
            self.assertEqual(goal["number"], expected["number"])
            self.assertEqual(goal["title"], expected["title"])
            self.assertEqual([i["title"] for i in goal["initiatives"]], expected["initiatives"])
            self.assertEqual([(normalize_actor(a["actor"]), a["text"]) for a in goal["expected_actions"]],
                             [(normalize_actor(w), t) for w, t in expected["expected"]])

    def test_commitments(self):
        goals = self.outline["sections"][0]["goals"]
        for goal, expected in zip(goals, self.seed["goals"], strict=True):
            got = [(c["actor"], c["text"], c["target"]) for c in goal["commitments"]]
            self.assertEqual(got, expected["commitments"])
            for c in goal["commitments"]:
                self.assertIn(c["actor"], COMMITTING)
                self.assertEqual(c["phases"], [{"label": "実施", "start_fy": 2010, "end_fy": 2015}])
        targets = {c["target"]: (c["target_value"], c["target_unit"])
                   for g in goals for c in g["commitments"] if c["target"]}
        self.assertEqual(targets, {"全地区": (None, None), "6か所": (6, "か所")})

    def test_loading_again_adds_nothing(self):
        out = subprocess.run([CLI, "--db", self.db, "load-sample"],
                             check=True, capture_output=True, text=True).stdout
        self.assertRegex(out, r"^0 rows added, 0 updated, 70 unchanged")
        again = json.loads(subprocess.run([CLI, "--db", self.db, "outline", "--json"],
                                          check=True, capture_output=True, text=True).stdout)
        self.assertEqual(again, self.outline)

    def test_empty_database(self):
        db = os.path.join(self.tmp.name, "empty.db")
        subprocess.run([CLI, "--db", db, "init", "--empty"], check=True, capture_output=True)
        out = json.loads(subprocess.run([CLI, "--db", db, "outline", "--json"],
                                        check=True, capture_output=True, text=True).stdout)
        self.assertEqual(out, {"plan": None, "actors": [], "sections": []})


if __name__ == "__main__":
    unittest.main(verbosity=2)
