#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""sasaeai-cli resource: the register of local resources (地域資源), what a target in
places counts, and resources carried by sync files."""
import gzip
import hashlib
import json
import os
import sqlite3
import subprocess
import tempfile
import unittest

CLI = os.environ.get("SASAEAI_CLI", "sasaeai-cli")
SIX_PLACES = "0db57887-e98e-5d43-803c-e946dc551f32"  # the sample's 6か所 target
ALL_DISTRICTS = "7543f81e-911f-5a24-ad22-322bcd002554"  # the sample's 全地区 target


class ResourceCliTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.db = self.path("a.db")
        self.cli("init")
        for name in ("中川", "北山田", "東山田"):
            self.cli("district", "add", name)
        outline = json.loads(self.cli("outline", "--json"))
        self.commitments = [c["id"] for s in outline["sections"] for g in s["goals"] for c in g["commitments"]]

    def tearDown(self):
        self.tmp.cleanup()

    def path(self, name):
        return os.path.join(self.tmp.name, name)

    def run_cli(self, *args, db=None):
        return subprocess.run([CLI, "--db", db or self.db, *args], capture_output=True, text=True)

    def cli(self, *args, db=None):
        result = self.run_cli(*args, db=db)
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

    def resources(self, db=None):
        return {r["id"]: r for r in json.loads(self.cli("resource", "list", "--json", db=db))}

    def add(self, name, *args, db=None):
        return self.cli("resource", "add", name, *args, db=db).strip()

    def target(self, commitment, fy):
        rows = json.loads(self.cli("review", "list", "--fy", str(fy), "--json"))
        return [r for r in rows if r["commitment_id"] == commitment][0]["target"]

    def test_round_trip(self):
        """A resource added with every field reads back as given; an edit changes only the
        options given, --commitment replaces the links, --reopen clears the closing day;
        a deleted resource leaves the list and comes back with restore."""
        c0, c1 = self.commitments[:2]
        id = self.add("ふれあいサロン中川", "--kind", "サロン", "--district", "中川", "--opened", "2011-05-01",
                      "--closed", "2014-03-31", "--commitment", SIX_PLACES, "--commitment", c0.upper(),
                      "--notes", "毎月第2火曜\n地区センター")
        self.assertEqual(self.resources()[id], {
            "id": id, "name": "ふれあいサロン中川", "kind": "サロン", "district": "中川",
            "opened": "2011-05-01", "closed": "2014-03-31", "commitments": sorted([SIX_PLACES, c0],
            key=lambda c: self.commitments.index(c)), "notes": "毎月第2火曜\n地区センター"})
        self.assertIn("ふれあいサロン中川", self.cli("resource", "list"))

        self.cli("resource", "edit", id, "--name", "ふれあいサロン", "--district", "北山田", "--reopen",
                 "--commitment", c1)
        got = self.resources()[id]
        self.assertEqual((got["name"], got["kind"], got["district"], got["opened"], got["closed"], got["commitments"],
                          got["notes"]),
                         ("ふれあいサロン", "サロン", "北山田", "2011-05-01", None, [c1], "毎月第2火曜\n地区センター"))
        self.cli("resource", "edit", id, "--commitment", "", "--district", "", "--notes", "")
        got = self.resources()[id]
        self.assertEqual((got["district"], got["commitments"], got["notes"]), (None, [], None))

        other = self.add("居場所ひがし", "--kind", "居場所", "--opened", "2012-04-01")
        self.cli("resource", "delete", id)
        self.assertEqual(list(self.resources()), [other])
        self.assertIn("ふれあいサロン", self.cli("deleted", "list"))
        self.cli("restore", id)
        self.assertEqual(set(self.resources()), {id, other})

    def test_bad_input_refused(self):
        """Bad dates, a closing before the opening, an unknown district or commitment, a
        missing kind: refused with a message, and nothing changes."""
        id = self.add("サロン", "--kind", "サロン", "--opened", "2012-04-01")
        for date in ("2012-02-30", "2012/04/01", "1899-12-31", "2200-01-01", "soon"):
            self.refused("resource", "add", "x", "--kind", "サロン", "--opened", date)
            self.refused("resource", "edit", id, "--closed", date)
        self.assertIn("before it opens", self.refused("resource", "add", "x", "--kind", "サロン",
                                                      "--opened", "2012-04-01", "--closed", "2012-03-31"))
        self.assertIn("before it opens", self.refused("resource", "edit", id, "--closed", "2011-04-01"))
        self.assertIn("before it opens", self.refused("resource", "edit", id, "--opened", "2013-04-01",
                                                      "--closed", "2013-03-31"))
        self.refused("resource", "add", "x", "--kind", "サロン", "--opened", "2012-04-01", "--district", "どこか")
        self.refused("resource", "add", "x", "--kind", "サロン", "--opened", "2012-04-01",
                     "--commitment", SIX_PLACES, "--commitment", "no-such-commitment")
        self.refused("resource", "edit", id, "--commitment", "no-such-commitment")
        self.refused("resource", "add", "x", "--kind", "", "--opened", "2012-04-01")
        self.refused("resource", "edit", id, "--name", " ")
        self.assertIn("no local resource", self.refused("resource", "edit", "no-such-id", "--kind", "x"))
        self.refused("resource", "delete", "4a0b4a2e-2f1c-4d0e-9d51-0c2f6c7d9e10")
        result = self.run_cli("resource", "add", "x", "--opened", "2012-04-01")
        self.assertEqual(result.returncode, 2)
        self.assertEqual(list(self.resources()), [id])
        # The same day opening and closing is allowed: closing is not before opening.
        self.cli("resource", "edit", id, "--closed", "2012-04-01")

    def test_places_across_years(self):
        """A target in places counts the linked resources open on the fiscal year's last
        day: one opened in FY2011 and closed during FY2013 counts in 2011 and 2012, not
        2013; one closed on 31 March is not open at that year's end; one opened on it is;
        deleted resources and links never count."""
        self.add("サロンA", "--kind", "サロン", "--opened", "2011-06-01", "--closed", "2013-10-31",
                 "--commitment", SIX_PLACES)
        self.add("サロンB", "--kind", "サロン", "--opened", "2012-04-01", "--closed", "2014-03-31",
                 "--commitment", SIX_PLACES)
        self.add("居場所C", "--kind", "居場所", "--opened", "2013-03-31", "--commitment", SIX_PLACES)
        self.add("居場所D", "--kind", "居場所", "--opened", "2014-04-01", "--commitment", SIX_PLACES)
        gone = self.add("居場所E", "--kind", "居場所", "--opened", "2010-04-01", "--commitment", SIX_PLACES)
        unlinked = self.add("居場所F", "--kind", "居場所", "--opened", "2010-04-01", "--commitment", SIX_PLACES)
        self.add("グループG", "--kind", "生活支援グループ", "--opened", "2010-04-01")
        self.cli("resource", "delete", gone)
        self.cli("resource", "edit", unlinked, "--commitment", "")

        counts = {fy: self.target(SIX_PLACES, fy) for fy in range(2010, 2016)}
        self.assertEqual({fy: t["actual"] for fy, t in counts.items()},
                         {2010: 0, 2011: 1, 2012: 3, 2013: 1, 2014: 2, 2015: 2})
        self.assertEqual((counts[2012]["value"], counts[2012]["unit"], counts[2012]["measure"],
                          counts[2012]["percent"]), (6, "か所", "places", 50))

    def test_districts_reached(self):
        """全地区 counts the districts with a linked activity that year out of the live
        districts; a deleted district leaves both counts."""
        for day, district in (("2012-05-01", "中川"), ("2012-06-01", "中川"), ("2012-07-01", "北山田")):
            self.cli("activity", "add", "--date", day, "--title", "あいさつ運動", "--district", district,
                     "--commitment", ALL_DISTRICTS)
        target = self.target(ALL_DISTRICTS, 2012)
        self.assertEqual((target["measure"], target["value"], target["actual"], target["percent"]),
                         ("districts", 3, 2, 66))
        district = [d["id"] for d in json.loads(self.cli("district", "list", "--json")) if d["name"] == "北山田"][0]
        self.cli("delete", district, "--force")
        target = self.target(ALL_DISTRICTS, 2012)
        self.assertEqual((target["value"], target["actual"], target["percent"]), (2, 1, 50))

    def test_manual_value(self):
        """A target measured by hand shows the value entered in the year's review, and
        resources linked to it do not count."""
        self.cli("commitment", "target", SIX_PLACES, "--measure", "manual")
        self.add("サロンA", "--kind", "サロン", "--opened", "2011-06-01", "--commitment", SIX_PLACES)
        self.assertIsNone(self.target(SIX_PLACES, 2012)["actual"])
        self.cli("review", "set", SIX_PLACES, "--fy", "2012", "--actual", "5")
        target = self.target(SIX_PLACES, 2012)
        self.assertEqual((target["actual"], target["percent"]), (5, 83))
        self.cli("commitment", "target", SIX_PLACES, "--measure", "places")
        self.assertEqual(self.target(SIX_PLACES, 2012)["actual"], 1)

    def test_sync(self):
        """Resources and their links travel by sync file; two offices editing different
        fields of the same resource keep both, and a deletion travels too."""
        b = self.path("b.db")
        self.cli("init", db=b)
        self.cli("district", "add", "中川", db=b)
        id = self.add("サロンA", "--kind", "サロン", "--district", "中川", "--opened", "2011-06-01",
                      "--commitment", SIX_PLACES)
        gone = self.add("居場所B", "--kind", "居場所", "--opened", "2012-06-01")
        self.cli("export-sync", self.path("a.sasaeai"))
        self.cli("import-sync", self.path("a.sasaeai"), db=b)
        self.assertEqual(self.resources(db=b), self.resources())

        self.cli("resource", "edit", id, "--notes", "月2回", "--closed", "2013-12-31")
        self.cli("resource", "delete", gone)
        self.cli("resource", "edit", id, "--kind", "ミニデイ", "--commitment", SIX_PLACES,
                 "--commitment", self.commitments[0], db=b)
        self.cli("export-sync", self.path("a.sasaeai"))
        self.cli("export-sync", self.path("b.sasaeai"), db=b)
        self.cli("import-sync", self.path("b.sasaeai"))
        self.cli("import-sync", self.path("a.sasaeai"), db=b)
        mine, theirs = self.resources(), self.resources(db=b)
        self.assertEqual(mine, theirs)
        self.assertEqual(list(mine), [id])
        got = mine[id]
        self.assertEqual((got["kind"], got["notes"], got["closed"], sorted(got["commitments"])),
                         ("ミニデイ", "月2回", "2013-12-31", sorted([SIX_PLACES, self.commitments[0]])))
        self.assertEqual(self.target(SIX_PLACES, 2013)["actual"], 0)
        self.assertEqual(self.target(SIX_PLACES, 2012)["actual"], 1)

    def test_older_file(self):
        """A sync file of format 1, written before targets had a measure and resources
        existed, is still read: its commitments keep the measure they have here, and
        a file of a format newer than this reader's is refused as such."""
        b = self.path("b.db")
        self.cli("init", db=b)
        self.cli("export-sync", self.path("new.sasaeai"), db=b)
        lines = gzip.decompress(open(self.path("new.sasaeai"), "rb").read()).decode().splitlines()
        header, rows = json.loads(lines[0]), [json.loads(line) for line in lines[1:-1]]
        self.assertEqual(header["version"], 2)
        old_rows = [r for r in rows if r["table"] not in ("resource", "resource_commitment")]
        for row in old_rows:
            row["fields"].pop("target_measure" if row["table"] == "commitment" else "actual", None)
        header["version"] = 1
        header["counts"] = {t: n for t, n in header["counts"].items() if t not in ("resource", "resource_commitment")}
        text = "".join(json.dumps(x, ensure_ascii=False, separators=(",", ":")) + "\n" for x in [header, *old_rows])
        trailer = {"trailer": "sasaeai-sync", "rows": len(old_rows), "sha256": hashlib.sha256(text.encode()).hexdigest()}
        with open(self.path("old.sasaeai"), "wb") as f:
            f.write(gzip.compress((text + json.dumps(trailer) + "\n").encode()))
        self.cli("import-sync", self.path("old.sasaeai"))
        self.assertEqual(self.target(SIX_PLACES, 2012)["measure"], "places")
        self.assertEqual(self.target(ALL_DISTRICTS, 2012)["measure"], "districts")

        newer = text.replace('"version":1', '"version":3', 1)
        trailer["sha256"] = hashlib.sha256(newer.encode()).hexdigest()
        with open(self.path("newer.sasaeai"), "wb") as f:
            f.write(gzip.compress((newer + json.dumps(trailer) + "\n").encode()))
        self.assertIn("newer version", self.refused("import-sync", self.path("newer.sasaeai")))


if __name__ == "__main__":
    unittest.main(verbosity=2)
