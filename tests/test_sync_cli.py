#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""sasaeai-cli: sync files, sync folders, CSV and iCalendar, and the bad files refused."""
import base64
import gzip
import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import tempfile
import unittest

CLI = os.environ.get("SASAEAI_CLI", "sasaeai-cli")
FAKETIME = shutil.which("faketime")


class SyncCliTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = self.tmp.name
        self.a = self.path("a.db")
        self.b = self.path("b.db")
        for db, name in ((self.a, "いずみ中央"), (self.b, "区役所")):
            self.cli(db, "init")
            self.cli(db, "site", "--name", name)

    def tearDown(self):
        self.tmp.cleanup()

    def path(self, name):
        return os.path.join(self.dir, name)

    def run_cli(self, db, *args, clock=None, later=False):
        """Runs the CLI; @clock, such as "+365d", runs it under faketime with a wrong clock;
        @later runs it with its clock a second ahead, as an edit made after another."""
        prefix = [FAKETIME, "-f", clock] if clock else []
        env = dict(os.environ)
        if later:
            env["SASAEAI_CLOCK_OFFSET_MS"] = "1000"
        if clock:
            # faketime preloads its library ahead of AddressSanitizer's runtime, which
            # the sanitized build would otherwise refuse.
            env["ASAN_OPTIONS"] = ":".join(filter(None, [env.get("ASAN_OPTIONS"), "verify_asan_link_order=0"]))
        return subprocess.run([*prefix, CLI, "--db", db, *args], capture_output=True, text=True, env=env)

    def cli(self, db, *args, later=False):
        result = self.run_cli(db, *args, later=later)
        self.assertEqual(result.returncode, 0, result.stderr)
        return result.stdout

    def dump(self, db):
        with sqlite3.connect(db) as connection:
            return list(connection.iterdump())

    def refused(self, status, db, *args):
        """Runs a command that must fail with @status, leaving the database as it was."""
        before = self.dump(db)
        result = self.run_cli(db, *args)
        self.assertEqual(result.returncode, status, f"{args}: {result.stderr}")
        self.assertTrue(result.stderr.startswith("sasaeai-cli: "), result.stderr)
        self.assertEqual(self.dump(db), before, f"{args} changed the database")
        return result.stderr

    def add(self, db, title, *args):
        return self.cli(db, "activity", "add", "--date", "2012-05-20", "--title", title, *args).strip()

    def activities(self, db):
        return {a["id"]: a for a in json.loads(self.cli(db, "activity", "list", "--json"))}

    def exchange(self, source, target, *args):
        file = self.path("exchange.sasaeai")
        self.cli(source, "export-sync", file)
        return json.loads(self.cli(target, "import-sync", file, "--json", *args))

    def test_export_import(self):
        id = self.add(self.a, "ふれあいサロン", "--participants", "25")
        report = self.exchange(self.a, self.b)
        self.assertEqual(report["site"]["name"], "いずみ中央")
        self.assertGreater(report["added"], 0)
        self.assertEqual((report["updated"], report["deleted"], report["conflicts"]), (0, 0, []))
        self.assertEqual(self.activities(self.b)[id]["participants"], 25)
        again = self.exchange(self.a, self.b)
        self.assertEqual(again["added"] + again["updated"] + again["deleted"], 0)
        self.assertEqual(again["unchanged"], report["added"] + report["unchanged"])

    def test_conflict_and_dry_run(self):
        id = self.add(self.a, "サロン")
        self.exchange(self.a, self.b)
        self.cli(self.a, "activity", "edit", id, "--title", "サロンA", "--participants", "3")
        self.cli(self.b, "activity", "edit", id, "--title", "サロンB", "--notes", "雨天", later=True)
        file = self.path("b.sasaeai")
        self.cli(self.b, "export-sync", file)

        before = self.dump(self.a)
        dry = json.loads(self.cli(self.a, "import-sync", file, "--dry-run", "--json"))
        self.assertTrue(dry["dry_run"])
        self.assertEqual(self.dump(self.a), before)

        report = json.loads(self.cli(self.a, "import-sync", file, "--json"))
        del dry["dry_run"], report["dry_run"]
        self.assertEqual(dry, report)
        self.assertEqual(report["updated"], 1)
        (conflict,) = report["conflicts"]
        self.assertEqual((conflict["table"], conflict["id"], conflict["field"]), ("activity", id, "title"))
        self.assertEqual((conflict["local"]["value"], conflict["incoming"]["value"]), ("サロンA", "サロンB"))
        self.assertEqual(conflict["incoming"]["site_name"], "区役所")
        self.assertGreater(conflict["incoming"]["clock"], conflict["local"]["clock"])
        self.assertEqual(conflict["kept"], "incoming")
        merged = self.activities(self.a)[id]
        self.assertEqual((merged["title"], merged["participants"], merged["notes"]), ("サロンB", 3, "雨天"))

        text = self.cli(self.a, "import-sync", file)
        self.assertIn("unchanged", text)

    def test_sync_folder(self):
        folder = self.path("shared")
        os.mkdir(folder)
        c = self.path("c.db")
        self.cli(c, "init")
        ids = [self.add(db, title) for db, title in ((self.a, "A"), (self.b, "B"), (c, "C"))]
        with open(os.path.join(folder, "broken.sasaeai"), "wb") as file:
            file.write(b"not gzip")
        for _ in range(2):
            for db in (self.a, self.b, c):
                result = self.run_cli(db, "sync-folder", folder)
                self.assertEqual(result.returncode, 1, result.stderr)
                self.assertIn("sasaeai-cli: broken.sasaeai: ", result.stderr)
        for db in (self.a, self.b, c):
            self.assertEqual(set(self.activities(db)), set(ids))
            site = self.cli(db, "site").split("\t")[0]
            self.assertTrue(os.path.exists(os.path.join(folder, site, "000001.sasaeai")))
        os.remove(os.path.join(folder, "broken.sasaeai"))
        # Every site has merged every other's segment: nothing to read, nothing to write.
        report = json.loads(self.cli(self.a, "sync-folder", folder, "--json"))
        self.assertEqual(report, {"files": [], "wrote": None})
        self.assertIn("Nothing new to write.", self.cli(self.b, "sync-folder", folder))

    def test_sync_folder_segments(self):
        """Several offices through one folder: each writes only what it changed, reads
        only what is new, and an office that joins late gets everything."""
        folder = self.path("shared")
        os.mkdir(folder)
        dbs = [self.a, self.b, self.path("c.db")]
        self.cli(dbs[2], "init")
        ids = set()
        for round in range(3):
            for n, db in enumerate(dbs):
                ids.add(self.add(db, f"{n}-{round}"))
                report = json.loads(self.cli(db, "sync-folder", folder, "--json"))
                site = self.site(db)
                self.assertRegex(report["wrote"], "^" + site + r"/\d{6}\.sasaeai$")
                for file in report["files"]:
                    self.assertNotIn("error", file)
                    self.assertLessEqual(file["added"], 1, file)
        for db in dbs:
            self.cli(db, "sync-folder", folder)
        for db in dbs:
            self.assertEqual(set(self.activities(db)), ids)

        # One new activity: the others read that one segment alone.
        new = self.add(self.b, "new")
        wrote = json.loads(self.cli(self.b, "sync-folder", folder, "--json"))["wrote"]
        report = json.loads(self.cli(self.a, "sync-folder", folder, "--json"))
        self.assertEqual([f["file"] for f in report["files"]], [wrote])
        self.assertEqual(report["files"][0]["added"], 1)
        self.assertIsNone(report["wrote"])
        self.assertIn(new, self.activities(self.a))

        late = self.path("late.db")
        self.cli(late, "init")
        report = json.loads(self.cli(late, "sync-folder", folder, "--json"))
        self.assertIsNone(report["wrote"])
        self.assertEqual(set(self.activities(late)), ids | {new})

    def test_bad_files(self):
        self.add(self.a, "サロン")
        good = self.path("good.sasaeai")
        self.cli(self.a, "export-sync", good)
        with open(good, "rb") as file:
            data = file.read()
        lines = gzip.decompress(data).decode().splitlines(keepends=True)

        def write(name, content):
            path = self.path(name)
            with open(path, "wb") as file:
                file.write(content)
            return path

        cases = {
            "truncated": (data[: len(data) // 2], "truncated"),
            "plain": (b"".join(line.encode() for line in lines), "not gzip-compressed"),
            "altered": (gzip.compress("".join(lines).replace("サロン", "サロソ").encode()), "checksum"),
            "version": (gzip.compress("".join(lines).replace('"version":2', '"version":9', 1).encode()),
                        "newer version"),
        }
        for name, (content, message) in cases.items():
            path = write(name + ".sasaeai", content)
            stderr = self.refused(1, self.b, "import-sync", path)
            self.assertIn(path + ": ", stderr)
            self.assertIn(message, stderr)
            self.assertEqual(len(stderr.strip().splitlines()), 1, stderr)
        self.refused(1, self.b, "import-sync", self.path("missing.sasaeai"))

    def rewritten(self, db, name, change):
        """Exports @db, applies @change to each row's JSON text and writes the file
        again with a matching checksum, as another program would."""
        good = self.path("source.sasaeai")
        self.cli(db, "export-sync", good)
        with open(good, "rb") as file:
            lines = gzip.decompress(file.read()).decode().splitlines()
        rows = [lines[0]] + [change(line) for line in lines[1:-1]]
        trailer = json.loads(lines[-1])
        trailer["sha256"] = hashlib.sha256("".join(line + "\n" for line in rows).encode()).hexdigest()
        path = self.path(name)
        with open(path, "wb") as file:
            file.write(gzip.compress("".join(line + "\n" for line in rows + [json.dumps(trailer)]).encode()))
        return path

    def drop_rows(self, path, drop):
        """Rewrites the sync file at @path without the rows @drop picks, with matching
        counts and checksum, as a writer that leaves them out would."""
        with open(path, "rb") as file:
            lines = gzip.decompress(file.read()).decode().splitlines()
        header, trailer = json.loads(lines[0]), json.loads(lines[-1])
        rows = []
        for line in lines[1:-1]:
            row = json.loads(line)
            if drop(row):
                header["counts"][row["table"]] -= 1
            else:
                rows.append(line)
        text = "".join(line + "\n" for line in [json.dumps(header, ensure_ascii=False)] + rows)
        trailer["rows"] = len(rows)
        trailer["sha256"] = hashlib.sha256(text.encode()).hexdigest()
        with open(path, "wb") as file:
            file.write(gzip.compress((text + json.dumps(trailer) + "\n").encode()))

    def test_sync_folder_segment_naming_another_sites_row(self):
        """A segment naming a row that only another site's segment holds merges after
        that one, whatever their order; without that one it is refused, changes
        nothing, and is read again next time."""
        folder = self.path("shared")
        os.mkdir(folder)
        first, second = sorted((self.a, self.b), key=self.site)
        # The site whose segments are read second adds the organization the other names.
        org = self.cli(second, "org", "add", "団体", "--actor", "ケアプラザ").strip()
        self.cli(second, "sync-folder", folder)
        self.cli(first, "sync-folder", folder)
        activity = self.add(first, "サロン", "--org", org)
        wrote = json.loads(self.cli(first, "sync-folder", folder, "--json"))["wrote"]
        self.drop_rows(os.path.join(folder, wrote), lambda row: row["id"] == org)

        alone = self.path("alone")
        os.mkdir(alone)
        shutil.copytree(os.path.join(folder, self.site(first)), os.path.join(alone, self.site(first)))
        late = self.path("late.db")
        self.cli(late, "init")
        before = self.dump(late)
        result = self.run_cli(late, "sync-folder", alone, "--json")
        self.assertEqual(result.returncode, 1, result.stderr)
        (refused,) = json.loads(result.stdout)["files"]
        self.assertEqual(refused["file"], wrote)
        self.assertIn("there is no", refused["error"])
        # Only the marks of how far this site has come in the folder (local, not data).
        local = 'INSERT INTO "sync_folder"'
        self.assertEqual([line for line in self.dump(late) if not line.startswith(local)], before)

        shutil.copytree(os.path.join(folder, self.site(second)), os.path.join(alone, self.site(second)))
        report = json.loads(self.cli(late, "sync-folder", alone, "--json"))
        self.assertEqual(len(report["files"]), 2)
        self.assertEqual(report["files"][-1]["file"], wrote)
        self.assertTrue(all("error" not in file for file in report["files"]), report)
        self.assertEqual(self.activities(late)[activity]["organization"], "団体")

    def test_control_characters_and_dates_in_sync_files(self):
        self.add(self.a, "サロン", "--notes", "メモ")
        for name, old, new, message in (
                ("nul", '"title":"サロン"', '"title":"サ\\u0000ロン"', "Title: control characters are not allowed"),
                ("esc", '"title":"サロン"', '"title":"\\u001b[31mサロン"', "Title: control characters are not allowed"),
                ("nul-notes", '"notes":"メモ"', '"notes":"メ\\u0000モ"', "Notes: control characters are not allowed"),
                ("blank", '"title":"サロン"', '"title":"\\u3000 "', "Title must not be only spaces"),
                ("date", '"date":"2012-05-20"', '"date":"9999-01-01"', "Date must be from 1900-01-01 to 2199-12-31")):
            path = self.rewritten(self.a, name + ".sasaeai", lambda line: line.replace(old, new))
            stderr = self.refused(1, self.b, "import-sync", path)
            self.assertRegex(stderr, r": Line \d+: " + re.escape(message), name)
        self.assertEqual(self.activities(self.b), {})
        # An escaped backslash followed by "u0000" is text, not a NUL.
        path = self.rewritten(self.a, "backslash.sasaeai",
                              lambda line: line.replace('"title":"サロン"', '"title":"サ\\\\u0000ロン"'))
        self.cli(self.b, "import-sync", path)
        self.assertEqual([a["title"] for a in self.activities(self.b).values()], ["サ\\u0000ロン"])

    def test_upper_case_ids_in_sync_files(self):
        id = self.add(self.a, "サロン")
        self.exchange(self.a, self.b)
        self.cli(self.b, "activity", "edit", id, "--title", "サロン（中川）")
        path = self.rewritten(self.b, "upper.sasaeai", lambda line: line.replace(id, id.upper()))
        with open(path, "rb") as file:
            self.assertIn(id.upper().encode(), gzip.decompress(file.read()))
        report = json.loads(self.cli(self.a, "import-sync", path, "--json"))
        self.assertEqual((report["added"], report["updated"]), (0, 1))
        self.assertEqual({i: a["title"] for i, a in self.activities(self.a).items()}, {id: "サロン（中川）"})
        # The same id twice, in two cases, is one row written twice.
        both = self.rewritten(self.b, "both.sasaeai", lambda line: line + "\n" + line.replace(id, id.upper())
                              if id in line else line)
        self.assertIn("appears twice", self.refused(1, self.a, "import-sync", both))

    def site(self, db):
        return self.cli(db, "site").split("\t")[0]

    def test_copied_database(self):
        """A database copied with cp becomes its own office before it writes; both then
        exchange as two offices, by file and through a shared folder."""
        common = self.add(self.a, "共通")
        copy = self.path("copy.db")
        shutil.copyfile(self.a, copy)
        result = self.run_cli(copy, "activity", "add", "--date", "2012-06-01", "--title", "コピーで")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("copied from another office", result.stderr)
        in_copy = result.stdout.strip()
        self.assertNotEqual(self.site(copy), self.site(self.a))
        again = self.run_cli(copy, "site")
        self.assertEqual(again.stderr, "", "the warning is printed once")
        in_a = self.add(self.a, "元で")
        self.cli(self.a, "activity", "edit", common, "--title", "元の題")
        self.cli(copy, "activity", "edit", common, "--title", "コピーの題", later=True)

        report = self.exchange(copy, self.a)
        (conflict,) = report["conflicts"]
        self.assertEqual((conflict["id"], conflict["field"]), (common, "title"))
        self.assertEqual(conflict["kept"], "incoming")
        self.exchange(self.a, copy)
        folder = self.path("shared")
        os.mkdir(folder)
        for db in (self.a, copy, self.a):
            self.cli(db, "sync-folder", folder)
        self.assertEqual(len(os.listdir(folder)), 2)
        for db in (self.a, copy):
            activities = self.activities(db)
            self.assertTrue({common, in_a, in_copy} <= set(activities), db)
            self.assertEqual(activities[common]["title"], "コピーの題")

    def test_file_claiming_this_site(self):
        """A sync file under this office's id that holds writes it never made (a clone
        the inode did not give away) makes this database a new office."""
        self.add(self.a, "共通")
        twin = self.path("twin.db")
        shutil.copyfile(self.a, twin)
        with sqlite3.connect(twin) as connection:  # as if the copy kept the inode
            connection.execute("UPDATE site SET file_id = NULL")
        twin_id = self.add(twin, "双子で")
        self.assertEqual(self.site(twin), self.site(self.a))
        mine = self.add(self.a, "元で")
        file = self.path("twin.sasaeai")
        self.cli(twin, "export-sync", file)
        old = self.site(self.a)
        result = self.run_cli(self.a, "import-sync", file, "--json")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertTrue(json.loads(result.stdout)["new_site"])
        self.assertIn("never made", result.stderr)
        self.assertNotEqual(self.site(self.a), old)
        self.assertTrue({twin_id, mine} <= set(self.activities(self.a)))
        self.exchange(self.a, self.b)
        self.exchange(self.b, twin)
        self.assertTrue({twin_id, mine} <= set(self.activities(twin)))

    @unittest.skipUnless(FAKETIME, "faketime is not installed")
    def test_clock_ran_ahead(self):
        """A PC whose clock ran a year ahead rejoins once it is corrected."""
        id = self.add(self.b, "サロン")
        self.exchange(self.b, self.a)
        self.cli(self.a, "activity", "edit", id, "--notes", "a")  # a before its clock went wrong
        self.assertEqual(self.run_cli(self.a, "site", clock="+365d").returncode, 0)
        ahead = self.run_cli(self.a, "activity", "add", "--date", "2012-06-01", "--title", "未来", clock="+365d")
        self.assertEqual(ahead.returncode, 0, ahead.stderr)
        self.assertEqual(self.run_cli(self.a, "activity", "edit", id, "--title", "未来の題",
                                      clock="+365d").returncode, 0)
        file = self.path("a.sasaeai")
        self.assertEqual(self.run_cli(self.a, "export-sync", file, clock="+365d").returncode, 0)
        self.refused(1, self.b, "import-sync", file)

        corrected = self.run_cli(self.a, "export-sync", file)
        self.assertEqual(corrected.returncode, 0, corrected.stderr)
        self.assertIn("clock was ahead", corrected.stderr)
        self.assertIn("2 records", corrected.stderr)
        self.cli(self.b, "import-sync", file)
        self.assertEqual(self.activities(self.b)[id]["title"], "未来の題")
        self.assertIn(ahead.stdout.strip(), self.activities(self.b))
        self.assertEqual(self.run_cli(self.a, "site").stderr, "", "the warning is printed once")

        self.cli(self.b, "activity", "edit", id, "--title", "後の題", later=True)
        self.exchange(self.b, self.a)
        self.exchange(self.a, self.b)
        for db in (self.a, self.b):
            self.assertEqual(self.activities(db)[id]["title"], "後の題", db)
            self.assertEqual(self.activities(db)[id]["notes"], "a", db)

    @unittest.skipUnless(FAKETIME, "faketime is not installed")
    def test_init_with_clock_behind(self):
        """init on a PC whose clock says 2000 makes the database with its plan."""
        db = self.path("y2k.db")
        result = self.run_cli(db, "init", clock="@2000-01-01 00:00:00")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("第2期泉区地域福祉保健計画", self.cli(db, "outline"))
        added = self.run_cli(db, "activity", "add", "--date", "2012-05-20", "--title", "x",
                             clock="@2000-01-01 00:00:00")
        self.assertEqual(added.returncode, 0, added.stderr)
        self.assertEqual(added.stderr, "")
        file = self.path("y2k.sasaeai")
        self.assertEqual(self.run_cli(db, "export-sync", file, clock="@2000-01-01 00:00:00").returncode, 0)
        self.cli(self.a, "import-sync", file)
        self.assertIn(added.stdout.strip(), self.activities(self.a))

    def test_usage(self):
        self.refused(2, self.a, "export-sync")
        self.refused(2, self.a, "import-sync", "x", "y")
        self.refused(2, self.a, "import-sync", "x", "--colour")
        self.refused(2, self.a, "sync-folder")
        self.refused(2, self.a, "export-csv", "x.csv", "--fy")
        self.refused(1, self.a, "export-csv", self.path("x.csv"), "--fy", "H99")
        for command in ("export-sync", "import-sync", "sync-folder", "export-csv", "import-csv", "export-ics"):
            result = self.run_cli(self.a, command, "--help")
            self.assertEqual(result.returncode, 0, command)
            self.assertIn("Usage", result.stdout)

    def test_csv(self):
        self.cli(self.a, "org", "add", "いずみ中央地域ケアプラザ", "--actor", "ケアプラザ")
        self.cli(self.b, "org", "add", "いずみ中央地域ケアプラザ", "--actor", "ケアプラザ")
        id = self.add(self.a, "=1+1", "--org", "いずみ中央地域ケアプラザ", "--notes", "一行目\n二行目, 三")
        self.add(self.a, "翌年度", "--date", "2013-04-01")
        csv = self.path("a.csv")
        self.cli(self.a, "export-csv", csv, "--fy", "平成24年度")
        with open(csv, "rb") as file:
            data = file.read()
        self.assertTrue(data.startswith(b"\xef\xbb\xbfID,Date,"))
        self.assertIn(f"{id},2012-05-20,,'=1+1,".encode(), data)
        self.assertIn("\"一行目\n二行目, 三\"\r\n".encode(), data)
        self.assertNotIn("翌年度".encode(), data)

        self.assertIn("Added 1, updated 0, unchanged 0", self.cli(self.b, "import-csv", csv))
        self.assertEqual(self.activities(self.b)[id]["title"], "=1+1")
        self.assertEqual(self.activities(self.b)[id]["organization"], "いずみ中央地域ケアプラザ")

        bad = self.path("bad.csv")
        with open(bad, "w", encoding="utf-8") as file:
            file.write("日付,タイトル,参加者数\n2012-05-20,良い行,1\n2012-13-01,月が13,1\n2012-05-21,数,多い\n")
        stderr = self.refused(1, self.b, "import-csv", bad)
        lines = stderr.strip().splitlines()
        self.assertEqual(lines[0], f"sasaeai-cli: {bad}: 2 lines are wrong; nothing was imported:")
        self.assertTrue(lines[1].startswith("Line 3: "), lines)
        self.assertTrue(lines[2].startswith("Line 4: "), lines)

    def test_csv_control_characters_and_dates(self):
        for name, content, message in (
                ("nul", b"Date,Title\n2012-05-20,\xe3\x82\xb5\x00\xe3\x83\xad\n", "Title: control characters are not allowed"),
                ("esc", b"Date,Title\n2012-05-20,\x1b[31mx\n", "Title: control characters are not allowed"),
                ("bel", b"Date,Title,Notes\n2012-05-20,x,\"a\x07\"\n", "Notes: control characters are not allowed"),
                ("blank", "日付,タイトル\n2012-05-20,\u3000\u3000\n".encode(), "Title must not be only spaces"),
                ("date", b"Date,Title\n9999-01-01,x\n", "9999")):
            path = self.path(name + ".csv")
            with open(path, "wb") as file:
                file.write(content)
            stderr = self.refused(1, self.a, "import-csv", path)
            self.assertIn("Line 2: ", stderr, name)
            self.assertIn(message, stderr, name)
        self.assertEqual(self.activities(self.a), {})
        path = self.path("notes.csv")
        with open(path, "wb") as file:
            file.write(b"Date,Title,Notes\n2012-05-20,x,\"a\n\tb\"\n")
        self.cli(self.a, "import-csv", path)
        self.assertEqual([a["notes"] for a in self.activities(self.a).values()], ["a\n\tb"])

    def test_ics_at_the_edge_of_dates(self):
        self.add(self.a, "大晦日", "--date", "2199-12-31")
        ics = self.path("edge.ics")
        self.cli(self.a, "export-ics", ics)
        with open(ics, "rb") as file:
            data = file.read().decode()
        self.assertIn("DTSTART;VALUE=DATE:21991231\r\n", data)
        self.assertIn("DTEND;VALUE=DATE:22000101\r\n", data)
        # A control character held from before they were refused stays out of the file.
        with sqlite3.connect(self.a) as db:
            db.execute("UPDATE activity SET title = ?", ("大\x1b[31m晦\x07日\tです",))
        self.cli(self.a, "export-ics", ics)
        with open(ics, "rb") as file:
            data = file.read().decode()
        self.assertIn("SUMMARY:大[31m晦日\tです\r\n", data)

    def test_ics(self):
        self.add(self.a, "見守り, 声かけ", "--time", "09:30")
        ics = self.path("a.ics")
        self.cli(self.a, "export-ics", ics, "--fy", "2012")
        with open(ics, "rb") as file:
            data = file.read().decode()
        self.assertTrue(data.startswith("BEGIN:VCALENDAR\r\n"))
        self.assertTrue(data.endswith("END:VCALENDAR\r\n"))
        self.assertIn("DTSTART;TZID=Asia/Tokyo:20120520T093000\r\n", data)
        self.assertIn("SUMMARY:見守り\\, 声かけ\r\n", data)
        self.assertNotIn("\n", data.replace("\r\n", ""))



class EncryptedSyncCliTest(unittest.TestCase):
    """Sync files sealed with a passphrase (--passphrase-file; docs/sync-format.md)."""
    setUp, tearDown, path, run_cli, cli, dump, refused, add, activities = (
        SyncCliTest.setUp, SyncCliTest.tearDown, SyncCliTest.path, SyncCliTest.run_cli, SyncCliTest.cli,
        SyncCliTest.dump, SyncCliTest.refused, SyncCliTest.add, SyncCliTest.activities)

    def passphrase(self, name, text, mode=0o600):
        path = self.path(name)
        with open(path, "w", encoding="utf-8") as file:
            file.write(text)
        os.chmod(path, mode)
        return path

    def sealed(self, title="ふれあいサロン秘密"):
        self.add(self.a, title, "--place", "地区センター")
        key = self.passphrase("key", "春の小川 correct horse\n")
        file = self.path("sealed.sasaeai")
        self.cli(self.a, "export-sync", file, "--passphrase-file", key)
        with open(file, "rb") as f:
            return file, key, f.read()

    def write(self, name, content):
        path = self.path(name)
        with open(path, "wb") as file:
            file.write(content)
        return path

    def test_round_trip_without_clear_text(self):
        file, key, data = self.sealed()
        self.assertTrue(data.startswith(b"SASAEAI\x1a"))
        for clear in ("ふれあいサロン秘密", "地区センター", "いずみ中央", '"table"', '"fields"', "sasaeai-sync",
                      "activity"):
            self.assertNotIn(clear.encode(), data, clear)
        self.assertNotIn(b"\x1f\x8b\x08", data[:64])
        report = json.loads(self.cli(self.b, "import-sync", file, "--json", "--passphrase-file", key))
        self.assertEqual(report["site"]["name"], "いずみ中央")
        self.assertIn("ふれあいサロン秘密", [a["title"] for a in self.activities(self.b).values()])

    def test_wrong_and_missing_passphrase(self):
        file, key, _ = self.sealed()
        wrong = self.passphrase("wrong", "春の小川 correct horsE\n")
        stderr = self.refused(1, self.b, "import-sync", file, "--passphrase-file", wrong)
        self.assertIn("passphrase is wrong", stderr)
        stderr = self.refused(1, self.b, "import-sync", file)
        self.assertIn("encrypted", stderr)
        self.assertIn("--passphrase-file", stderr)
        self.assertEqual(len(stderr.strip().splitlines()), 1, stderr)
        empty = self.passphrase("empty", "\n")
        stderr = self.refused(1, self.b, "import-sync", file, "--passphrase-file", empty)
        self.assertIn("empty", stderr)
        stderr = self.refused(1, self.b, "export-sync", self.path("x.sasaeai"), "--passphrase-file", empty)
        self.assertFalse(os.path.exists(self.path("x.sasaeai")))

    def test_passphrase_file_others_can_read(self):
        self.add(self.a, "サロン")
        key = self.passphrase("open-key", "secret words", mode=0o644)
        result = self.run_cli(self.a, "export-sync", self.path("x.sasaeai"), "--passphrase-file", key)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("warning", result.stderr)
        self.assertIn("open-key", result.stderr)
        key = self.passphrase("closed-key", "secret words", mode=0o600)
        result = self.run_cli(self.b, "import-sync", self.path("x.sasaeai"), "--passphrase-file", key)
        self.assertEqual((result.returncode, result.stderr), (0, ""))

    def test_changed_bytes_refused(self):
        # Over one chunk (1 MiB) of compressed data, so the file has several chunks.
        csv = self.path("many.csv")
        with open(csv, "w", encoding="utf-8") as file:
            file.write("Date,Title,Notes\n")
            for i in range(400):
                file.write(f"2012-05-20,記録{i},{base64.b64encode(os.urandom(4500)).decode()}\n")
        self.cli(self.a, "import-csv", csv)
        file, key, data = self.sealed()
        self.assertGreater(len(data), 1024 * 1024 + 100)
        cases = {
            "salt": (12 + 8, "passphrase is wrong"),
            "iterations": (15, "passphrase is wrong"),
            "key check": (60 - 1, "passphrase is wrong"),
            "first chunk": (60 + 5, "part 1 of"),
            "middle": (len(data) // 2, "damaged or was altered"),
            "last byte": (len(data) - 1, "damaged or was altered"),
        }
        for name, (offset, message) in cases.items():
            changed = bytearray(data)
            changed[offset] ^= 0x01
            path = self.write("changed.sasaeai", bytes(changed))
            stderr = self.refused(1, self.b, "import-sync", path, "--passphrase-file", key)
            self.assertIn(message, stderr, name)
        chunk = 1024 * 1024 + 16
        last_start = 60 + (len(data) - 60 - 1) // chunk * chunk
        path = self.write("truncated.sasaeai", data[:last_start])
        stderr = self.refused(1, self.b, "import-sync", path, "--passphrase-file", key)
        self.assertIn("encrypted file is truncated", stderr)
        path = self.write("cut.sasaeai", data[:-1])
        self.refused(1, self.b, "import-sync", path, "--passphrase-file", key)
        first, second = data[60:60 + chunk], data[60 + chunk:60 + 2 * chunk]
        path = self.write("swapped.sasaeai", data[:60] + second + first + data[60 + 2 * chunk:])
        self.refused(1, self.b, "import-sync", path, "--passphrase-file", key)
        path = self.write("version.sasaeai", data[:9] + b"\x09" + data[10:])
        self.assertIn("newer version", self.refused(1, self.b, "import-sync", path, "--passphrase-file", key))

    def test_plain_file_still_read(self):
        self.add(self.a, "平文サロン")
        file = self.path("plain.sasaeai")
        self.cli(self.a, "export-sync", file)
        with open(file, "rb") as f:
            self.assertEqual(f.read(2), b"\x1f\x8b")
        key = self.passphrase("key", "secret")
        self.cli(self.b, "import-sync", file, "--passphrase-file", key)
        self.assertIn("平文サロン", [a["title"] for a in self.activities(self.b).values()])

    def test_sync_folder_with_passphrase(self):
        folder = self.path("shared")
        os.mkdir(folder)
        key = self.passphrase("key", "みんなの合言葉")
        ids = [self.add(db, title) for db, title in ((self.a, "A秘密"), (self.b, "B秘密"))]
        for _ in range(2):
            for db in (self.a, self.b):
                self.cli(db, "sync-folder", folder, "--passphrase-file", key)
        for db in (self.a, self.b):
            self.assertEqual(set(ids) - set(self.activities(db)), set())
        segments = [os.path.join(d, n) for d, _, names in os.walk(folder) for n in names]
        self.assertEqual(len(segments), 2, segments)
        for name in segments:
            with open(name, "rb") as f:
                data = f.read()
            self.assertTrue(data.startswith(b"SASAEAI\x1a"), name)
            self.assertNotIn("秘密".encode(), data)
        c = self.path("c.db")
        self.cli(c, "init")
        result = self.run_cli(c, "sync-folder", folder)
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertIn("encrypted", result.stderr)
        self.assertEqual(set(ids) & set(self.activities(c)), set())


if __name__ == "__main__":
    unittest.main(verbosity=2)
