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
        self.cli("init")
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
            "organization": "いずみ中央地域ケアプラザ", "organization_deleted": False,
            "district": "中川", "district_deleted": False, "place": "地区センター",
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

    def test_control_characters_and_blank_text_are_refused(self):
        def refused(*args):
            return self.assert_refused(1, "activity", "add", "--date", "2012-05-20", *args)

        for title in ("a\x1b[31m", "ベル\x07", "タブ\tあり", "削除\x7f", "C1\x9b31m"):
            self.assertIn("Title: control characters are not allowed", refused("--title", title), repr(title))
        self.assertIn("Notes: control characters are not allowed",
                      refused("--title", "サロン", "--notes", "a\x1b[2J"))
        self.assertIn("Place: control characters are not allowed",
                      refused("--title", "サロン", "--place", "地区\nセンター"))
        for title in ("   ", "\u3000\u3000", " \u3000 "):
            self.assertIn("Title must not be only spaces", refused("--title", title), repr(title))
        # Notes are many lines: line breaks and tabs stay.
        id = self.add("--notes", "一行目\n\t二行目\r\n三行目")
        (row,) = json.loads(self.cli("activity", "list", "--json"))
        self.assertEqual((row["id"], row["notes"]), (id, "一行目\n\t二行目\r\n三行目"))
        self.assertIn("Title: control characters are not allowed",
                      self.assert_refused(1, "activity", "edit", id, "--title", "a\x1b[31m"))

    def test_control_characters_held_from_before_are_not_printed(self):
        id = self.add()
        with sqlite3.connect(self.db) as db:
            db.execute("UPDATE activity SET title = ? WHERE id = ?", ("赤\x1b[31m\tく", id))
        listed = self.cli("activity", "list")
        self.assertNotIn("\x1b", listed)
        self.assertIn("赤\ufffd[31m\ufffdく\t", listed)
        # A message that quotes a bad value does not pass its escapes to the terminal.
        message = self.assert_refused(1, "activity", "add", "--date", "2012-05-20", "--title", "x",
                                      "--time", "1\x1b[2J")
        self.assertNotIn("\x1b", message)

    def test_dates_out_of_range_are_refused(self):
        for date in ("9999-01-01", "1899-12-31", "2200-01-01"):
            message = self.assert_refused(1, "activity", "add", "--date", date, "--title", "x")
            self.assertIn("Date must be from 1900-01-01 to 2199-12-31", message)
        for date in ("1900-01-01", "2199-12-31"):
            self.cli("activity", "add", "--date", date, "--title", "x")

    def test_ids_in_upper_case(self):
        id = self.add()
        self.cli("activity", "edit", id.upper(), "--title", "大文字で")
        (row,) = json.loads(self.cli("activity", "list", "--json"))
        self.assertEqual((row["id"], row["title"]), (id, "大文字で"))
        self.cli("activity", "delete", id.upper())
        self.assertEqual(json.loads(self.cli("activity", "list", "--json")), [])
        self.cli("activity", "undelete", id.upper())
        other = self.add("--commitment", self.commitments[0])
        # The same link, whatever the case: editing with the id in upper case keeps it.
        self.cli("activity", "edit", other.upper(), "--commitment", self.commitments[0].upper(),
                 "--commitment", self.commitments[1].upper())
        self.assertEqual(self.activity(other)["commitments"], self.commitments[:2])
        with sqlite3.connect(self.db) as db:
            self.assertEqual(db.execute("SELECT count(*), sum(deleted) FROM activity_commitment"
                                        " WHERE activity_id = ?", (other,)).fetchone(), (2, 0))

    def activity(self, id):
        return {a["id"]: a for a in json.loads(self.cli("activity", "list", "--json"))}[id]

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

    def test_help_in_japanese(self):
        """The command list of --help is in the person's language, as the options are."""
        env = {**os.environ, "LANG": "ja_JP.UTF-8", "LANGUAGE": "ja"}
        for command, japanese, english in (
                (["--help"], "データベースを作成または更新する", "Create the database, or upgrade it"),
                (["--help"], "各取組の年度を振り返る", "Review each commitment’s year"),
                (["activity", "--help"], "活動を記録する", "Record an activity")):
            out = subprocess.run([CLI, *command], env=env, capture_output=True, text=True, check=True).stdout
            self.assertIn(japanese, out, command)
            self.assertNotIn(english, out, command)

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

    def test_missing_database_is_not_created(self):
        """Every command but init refuses a path with no database, before reading any file, and
        creates nothing there."""
        id = self.add()
        sync = os.path.join(self.tmp.name, "site.sasaeai")
        self.cli("export-sync", sync)
        sheet = os.path.join(self.tmp.name, "sheet.csv")
        with open(sheet, "w", encoding="utf-8") as file:
            file.write("date,title\n2012-05-20,サロン\n")
        out = os.path.join(self.tmp.name, "out")
        commands = [["load-sample"], ["outline"], ["org", "list"], ["org", "add", "X", "--actor", "ケアプラザ"],
                    ["district", "list"], ["district", "add", "X"], ["activity", "list"],
                    ["activity", "add", "--date", "2012-05-20", "--title", "x"],
                    ["activity", "add", "--date", "2012-02-30", "--title", "x"],
                    ["activity", "edit", id, "--title", "y"], ["activity", "delete", id],
                    ["activity", "undelete", id], ["site"], ["site", "--name", "X"],
                    ["export-sync", out], ["import-sync", sync], ["import-sync", sheet], ["sync-folder", self.tmp.name],
                    ["export-csv", out], ["import-csv", sheet], ["export-ics", out], ["handout", "-o", out]]
        before = sorted(os.listdir(self.tmp.name))
        for missing in (os.path.join(self.tmp.name, "typo.db"),
                        os.path.join(self.tmp.name, "not-mounted", "share", "plan.db")):
            for command in commands:
                result = subprocess.run([CLI, "--db", missing, *command], capture_output=True, text=True)
                self.assertEqual(result.returncode, 1, f"{command}: {result.stderr}")
                self.assertEqual(result.stderr, f"sasaeai-cli: No database at “{missing}”. "
                                                f"Run “sasaeai-cli --db {missing} init” to create one.\n", command)
                self.assertEqual(sorted(os.listdir(self.tmp.name)), before, f"{command} created something")
        # Without --db, the default database is meant, and named.
        home = os.path.join(self.tmp.name, "home")
        os.mkdir(home)
        env = {**os.environ, "XDG_DATA_HOME": home}
        default = os.path.join(home, "sasaeai", "sasaeai.db")
        result = subprocess.run([CLI, "activity", "list"], env=env, capture_output=True, text=True)
        self.assertEqual((result.returncode, result.stderr),
                         (1, f"sasaeai-cli: No database at “{default}”. Run “sasaeai-cli init” to create one.\n"))
        self.assertEqual(os.listdir(home), [])
        # holidays needs no database; init makes one, with its folders.
        self.assertIn("2012-01-01", subprocess.run([CLI, "--db", missing, "holidays", "2012"], check=True,
                                                   capture_output=True, text=True).stdout)
        subprocess.run([CLI, "init"], env=env, check=True, capture_output=True)
        self.assertTrue(os.path.isfile(default))
        subprocess.run([CLI, "--db", missing, "init"], check=True, capture_output=True)
        self.assertEqual(subprocess.run([CLI, "--db", missing, "activity", "list", "--json"], check=True,
                                        capture_output=True, text=True).stdout.strip(), "[]")

    def test_empty_file_is_no_database(self):
        """An empty file, as touch leaves it, is refused as no database and left as it was."""
        empty = os.path.join(self.tmp.name, "empty.db")
        open(empty, "w").close()
        result = subprocess.run([CLI, "--db", empty, "activity", "list"], capture_output=True, text=True)
        self.assertEqual(result.returncode, 1)
        self.assertIn("No database at", result.stderr)
        self.assertEqual(os.path.getsize(empty), 0)
        self.assertFalse(os.path.exists(empty + "-wal"))

    def write_sheet(self, name, *lines):
        path = os.path.join(self.tmp.name, name)
        with open(path, "w", encoding="utf-8") as file:
            file.write("\n".join(lines) + "\n")
        return path

    def titles(self):
        return sorted(a["title"] for a in json.loads(self.cli("activity", "list", "--json")))

    def test_csv_imported_twice_adds_nothing(self):
        """A sheet without ids, imported again, skips the lines already stored and says which."""
        header = "日付,時刻,タイトル,団体,地区,場所,参加者数"
        sheet = self.write_sheet("sheet.csv", header,
                                 "2012-05-20,13:30,ふれあいサロン,いずみ中央地域ケアプラザ,中川,地区センター,25",
                                 "2012/6/3,,子育てサロン,,中川,,8",
                                 "2012-06-10,9:05,体操教室,,,公園,12")
        self.assertEqual(self.cli("import-csv", sheet), "Added 3, updated 0, unchanged 0\n")
        before = self.dump()
        self.assertEqual(self.cli("import-csv", sheet),
                         "Added 0, updated 0, unchanged 0\n"
                         "Skipped 3 lines that match activities already stored: lines 2–4 "
                         "(--allow-duplicates imports them)\n")
        self.assertEqual(self.dump(), before)
        # The same visit as the spreadsheet writes it back, full-width digits and all.
        again = self.write_sheet("again.csv", header, "２０１２/５/２０,13:30:00,ふれあいサロン,いずみ中央地域ケアプラザ,"
                                 "中川,地区センター,30")
        self.assertIn("Skipped 1 line that matches an activity already stored: line 2 ", self.cli("import-csv", again))
        self.assertEqual(self.cli("import-csv", "--allow-duplicates", sheet), "Added 3, updated 0, unchanged 0\n")
        self.assertEqual(self.titles(), sorted(["ふれあいサロン", "子育てサロン", "体操教室"] * 2))

    def test_contact_details_are_warned_about_not_refused(self):
        """Phone numbers and e-mail addresses are stored, with a warning on stderr naming the lines."""
        result = self.run_cli("activity", "add", "--date", "2012-05-20", "--title", "サロン",
                              "--notes", "問い合わせ 090-1234-5678")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("phone number", result.stderr)
        (activity,) = json.loads(self.cli("activity", "list", "--json"))
        self.assertEqual(activity["notes"], "問い合わせ 090-1234-5678")
        self.assertEqual(self.run_cli("activity", "edit", activity["id"], "--notes", "なし").stderr, "")
        sheet = self.write_sheet("contacts.csv", "date,title,place,notes",
                                 "2012-06-01,体操教室,公園,", "2012-06-02,子育てサロン,集会所,hanako@example.jp",
                                 "2012-06-03,見守り,,", "2012-06-04,サロン,０４５－１２３－４５６７,")
        result = self.run_cli("import-csv", sheet)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout, "Added 4, updated 0, unchanged 0\n")
        self.assertIn("Warning: lines 3, 5 look like they hold phone numbers or e-mail addresses", result.stderr)

    def test_csv_repeats_count(self):
        """Two identical visits in one sheet stay two: one is skipped for the one stored, one is added."""
        self.add("--place", "地区センター")
        sheet = self.write_sheet("twice.csv", "date,title,place",
                                 "2012-05-20,ふれあいサロン,地区センター", "2012-05-20,ふれあいサロン,地区センター",
                                 "2012-05-20,ふれあいサロン,公民館")
        out = self.cli("import-csv", sheet)
        self.assertEqual(out, "Added 2, updated 0, unchanged 0\nSkipped 1 line that matches an activity already "
                              "stored: line 2 (--allow-duplicates imports it)\n")
        places = sorted(a["place"] for a in json.loads(self.cli("activity", "list", "--json")))
        self.assertEqual(places, ["公民館", "地区センター", "地区センター"])
        # A deleted activity is no match: its visit is imported anew.
        (deleted,) = [a["id"] for a in json.loads(self.cli("activity", "list", "--json")) if a["place"] == "公民館"]
        self.cli("activity", "delete", deleted)
        self.assertEqual(self.cli("import-csv", sheet).splitlines()[0], "Added 1, updated 0, unchanged 0")

    def test_csv_line_for_deleted_activity(self):
        """A line with the id of a deleted activity says so and leaves it; --restore-deleted brings it back."""
        id = self.add("--participants", "25")
        self.cli("activity", "delete", id)
        sheet = self.write_sheet("edit.csv", "id,date,title,participants", f"{id},2012-05-20,ふれあいサロン,30",
                                 ",2012-07-01,夏祭り,100")
        out = self.cli("import-csv", sheet)
        self.assertEqual(out, f"Added 1, updated 0, unchanged 0\n"
                              f"Line 2: activity {id} was deleted; use --restore-deleted to bring it back\n")
        self.assertEqual(self.titles(), ["夏祭り"])
        with sqlite3.connect(self.db) as db:
            self.assertEqual(db.execute("SELECT participants, deleted FROM activity WHERE id = ?", (id,)).fetchone(),
                             (25, 1))
        out = self.cli("import-csv", "--restore-deleted", sheet)
        self.assertEqual(out, "Added 0, updated 0, unchanged 0\n"
                              "Skipped 1 line that matches an activity already stored: line 3 "
                              "(--allow-duplicates imports it)\nRestored 1 deleted activity\n")
        (row,) = [a for a in json.loads(self.cli("activity", "list", "--json")) if a["id"] == id]
        self.assertEqual(row["participants"], 30)
        self.assertEqual(self.cli("import-csv", sheet), "Added 0, updated 0, unchanged 1\n"
                                                        "Skipped 1 line that matches an activity already stored: "
                                                        "line 3 (--allow-duplicates imports it)\n")

    def test_holidays(self):
        holidays = json.loads(self.cli("holidays", "2019", "--json"))
        self.assertIn({"date": "2019-05-01", "name": "天皇の即位の日"}, holidays)
        self.assertIn({"date": "2019-04-30", "name": "国民の休日"}, holidays)

    def test_site(self):
        id, name = self.cli("site", "--name", "いずみ中央").strip().split("\t")
        self.assertEqual(name, "いずみ中央")
        self.assertEqual(self.cli("site").strip(), f"{id}\tいずみ中央")

    # ---- deleting what records use, deleted names, restoring ----

    def row_id(self, table, name_column, name):
        with sqlite3.connect(self.db) as db:
            (row,) = db.execute(f"SELECT id FROM {table} WHERE {name_column} = ?", (name,)).fetchall()
        return row[0]

    def test_delete_asks_when_records_use_it(self):
        org = self.row_id("organization", "name", "いずみ中央地域ケアプラザ")
        self.add("--org", "いずみ中央地域ケアプラザ")
        self.add("--org", "いずみ中央地域ケアプラザ")
        message = self.assert_refused(1, "delete", org)
        self.assertIn("2 activities", message)
        self.assertIn("--force", message)
        self.cli("delete", org, "--force")
        self.assertNotIn(org, self.cli("org", "list"))
        self.assertIn("already deleted", self.assert_refused(1, "delete", org))
        self.assert_refused(1, "delete", "4a0b4a2e-2f1c-4d0e-9d51-0c2f6c7d9e10")
        # Nothing uses a new district: it goes without asking.
        self.cli("district", "add", "岡津")
        self.cli("delete", self.row_id("district", "name", "岡津"))

    def test_deleted_organization_keeps_its_name_everywhere(self):
        org = self.row_id("organization", "name", "いずみ中央地域ケアプラザ")
        district = self.row_id("district", "name", "中川")
        id = self.add("--org", "いずみ中央地域ケアプラザ", "--district", "中川")
        self.cli("delete", org, "--force")
        self.cli("delete", district, "--force")
        env = {**os.environ, "LANGUAGE": "C"}
        listed = subprocess.run([CLI, "--db", self.db, "activity", "list"], env=env, check=True,
                                capture_output=True, text=True).stdout
        self.assertNotIn("(null)", listed)
        self.assertIn("\tいずみ中央地域ケアプラザ (deleted)\t中川 (deleted)\t", listed)
        (row,) = json.loads(self.cli("activity", "list", "--json"))
        self.assertEqual((row["organization"], row["organization_deleted"]), ("いずみ中央地域ケアプラザ", True))
        self.assertEqual((row["district"], row["district_deleted"]), ("中川", True))

        csv_path = os.path.join(self.tmp.name, "a.csv")
        subprocess.run([CLI, "--db", self.db, "export-csv", csv_path], env=env, check=True)
        with open(csv_path, encoding="utf-8-sig") as f:
            text = f.read()
        self.assertIn(",いずみ中央地域ケアプラザ (deleted),中川 (deleted),", text)
        self.assertNotIn(org, text)
        before = self.dump()
        self.cli("import-csv", csv_path)
        self.assertEqual(self.dump(), before, "an exported file reads back to the same rows")

        ics_path = os.path.join(self.tmp.name, "a.ics")
        subprocess.run([CLI, "--db", self.db, "export-ics", ics_path], env=env, check=True)
        with open(ics_path, encoding="utf-8", newline="") as f:
            ics = f.read().replace("\r\n ", "")
        self.assertIn("Organization: いずみ中央地域ケアプラザ (deleted)", ics)
        self.assertIn("District: 中川 (deleted)", ics)
        self.assertEqual(json.loads(self.cli("activity", "list", "--json"))[0]["id"], id)

    def test_deleted_list_and_restore(self):
        self.cli("site", "--name", "いずみ中央")
        district = self.row_id("district", "name", "中川")
        self.assertEqual(json.loads(self.cli("deleted", "list", "--json")), [])
        self.cli("delete", district)
        (row,) = json.loads(self.cli("deleted", "list", "--json"))
        self.assertEqual((row["id"], row["table"], row["name"], row["deleted_by"]),
                         (district, "district", "中川", "いずみ中央"))
        self.assertRegex(row["deleted_at"], r"^\d{4}-\d\d-\d\dT")
        self.assertIn("中川", self.cli("deleted", "list"))
        self.cli("restore", district)
        self.assertIn("中川", self.cli("district", "list"))
        self.assertEqual(json.loads(self.cli("deleted", "list", "--json")), [])
        self.assertIn("not deleted", self.assert_refused(1, "restore", district))
        self.assertIn("4a0b4a2e", self.assert_refused(1, "restore", "4a0b4a2e-2f1c-4d0e-9d51-0c2f6c7d9e10"))
        self.assert_refused(1, "restore", "bogus")
        self.assert_refused(2, "restore")

    def test_actor_goes_and_comes_back_with_its_commitments(self):
        actor = self.row_id("actor", "name", "ケアプラザ")
        count = lambda: sum(1 for g in json.loads(self.cli("outline", "--json"))["sections"][0]["goals"]
                            for c in g["commitments"] if c["actor"] == "ケアプラザ")
        n = count()
        self.assertGreater(n, 0)
        message = self.assert_refused(1, "delete", actor)
        self.assertIn(f"{n} commitments", message)
        self.assertIn("1 organization", message)
        self.cli("delete", actor, "--force")
        self.assertEqual(count(), 0)
        self.assertNotIn("いずみ中央地域ケアプラザ", self.cli("org", "list"))
        # Only the actor is listed: what went with it comes back with it.
        self.assertEqual([r["id"] for r in json.loads(self.cli("deleted", "list", "--json"))], [actor])
        self.cli("restore", actor)
        self.assertEqual(count(), n)
        self.assertIn("いずみ中央地域ケアプラザ", self.cli("org", "list"))


    def test_restore_brings_back_the_parents_it_lies_under(self):
        """A commitment restored under a goal deleted since comes back with its goal,
        so that it is shown again rather than restored into hiding."""
        goal = json.loads(self.cli("outline", "--json"))["sections"][0]["goals"][0]
        commitment = goal["commitments"][0]["id"]
        visible = lambda: [c["id"] for s in json.loads(self.cli("outline", "--json"))["sections"]
                           for g in s["goals"] for c in g["commitments"]]
        self.cli("delete", commitment, "--force")
        self.cli("delete", goal["id"], "--force")
        self.assertNotIn(commitment, visible())
        self.cli("restore", commitment)
        self.assertIn(commitment, visible())
        self.assertEqual(json.loads(self.cli("deleted", "list", "--json")), [])


if __name__ == "__main__":
    unittest.main(verbosity=2)
