#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Crash safety and concurrent writers.

A process killed at any moment leaves the database whole, with each change either all
there or not there at all; several processes writing at once all get their records in,
and none of them sees "database is locked".
"""
import json
import os
import random
import signal
import sqlite3
import subprocess
import tempfile
import threading
import time
import unittest

CLI = os.environ.get("SASAEAI_CLI", "sasaeai-cli")
KILLS = int(os.environ.get("SASAEAI_KILLS", "60"))


def integrity(db):
    with sqlite3.connect(db) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


def counts(db):
    with sqlite3.connect(db) as conn:
        activities = conn.execute("SELECT count(*) FROM activity").fetchone()[0]
        links = conn.execute("SELECT activity_id, count(*) FROM activity_commitment GROUP BY activity_id").fetchall()
        unlinked = conn.execute("SELECT count(*) FROM activity WHERE id NOT IN "
                                "(SELECT activity_id FROM activity_commitment)").fetchone()[0]
    return activities, dict(links), unlinked


class ReliabilityTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.db = os.path.join(self.tmp.name, "plan.db")
        subprocess.run([CLI, "--db", self.db, "init"], check=True, capture_output=True)
        outline = json.loads(subprocess.run([CLI, "--db", self.db, "outline", "--json"],
                                            check=True, capture_output=True, text=True).stdout)
        self.commitments = [c["id"] for g in outline["sections"][0]["goals"] for c in g["commitments"]]

    def tearDown(self):
        self.tmp.cleanup()

    def add_command(self, n):
        return [CLI, "--db", self.db, "activity", "add", "--date", "2012-05-20", "--title", f"サロン {n}",
                "--participants", "10", "--commitment", self.commitments[0],
                "--commitment", self.commitments[1], "--commitment", self.commitments[2]]

    def test_killed_add_is_all_or_nothing(self):
        rng = random.Random(20121120)
        # How long one add takes here (the median of three), so the kills land all over it.
        durations = []
        for n in range(3):
            start = time.monotonic()
            subprocess.run(self.add_command(-n), check=True, capture_output=True)
            durations.append(time.monotonic() - start)
        duration = sorted(durations)[1]
        interrupted = 0
        for n in range(1, KILLS + 1):
            before, _, _ = counts(self.db)
            process = subprocess.Popen(self.add_command(n), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(rng.uniform(0, duration * 0.8))
            process.send_signal(signal.SIGKILL)
            process.wait()
            interrupted += process.returncode == -signal.SIGKILL
            self.assertEqual(integrity(self.db), "ok")
            after, links, unlinked = counts(self.db)
            self.assertIn(after, (before, before + 1), f"kill {n}")
            self.assertEqual(unlinked, 0, f"kill {n}: an activity without its links")
            self.assertEqual(set(links.values()), {3}, f"kill {n}: an activity with only some links")
        # Many kills must have landed while the command ran, or the test tests nothing;
        # how many depends on how busy the machine is.
        self.assertGreater(interrupted, KILLS // 3)
        # And the database still takes writes afterwards.
        subprocess.run(self.add_command(KILLS + 1), check=True, capture_output=True)

    def median_duration(self, command):
        durations = []
        for _ in range(3):
            start = time.monotonic()
            subprocess.run(command, check=True, capture_output=True)
            durations.append(time.monotonic() - start)
        return sorted(durations)[1]

    def kill_at_random(self, command, rng, duration):
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0, duration * 0.8))
        process.send_signal(signal.SIGKILL)
        process.wait()

    def test_killed_import_is_all_or_nothing(self):
        """A killed import-sync leaves none or all of the file's rows, never some."""
        rng = random.Random(20121121)
        for n in range(200):
            subprocess.run(self.add_command(n), check=True, capture_output=True)
        sync_file = os.path.join(self.tmp.name, "site.sasaeai")
        subprocess.run([CLI, "--db", self.db, "export-sync", sync_file], check=True, capture_output=True)
        target = os.path.join(self.tmp.name, "target.db")
        subprocess.run([CLI, "--db", target, "init"], check=True, capture_output=True)
        command = [CLI, "--db", target, "import-sync", sync_file]
        probe = os.path.join(self.tmp.name, "probe.db")
        subprocess.run([CLI, "--db", probe, "init"], check=True, capture_output=True)
        duration = self.median_duration([CLI, "--db", probe, "import-sync", sync_file])
        for n in range(KILLS):
            self.kill_at_random(command, rng, duration)
            self.assertEqual(integrity(target), "ok")
            self.assertIn(counts(target)[0], (0, 200), f"kill {n}: part of the file was imported")
        subprocess.run(command, check=True, capture_output=True)
        self.assertEqual(counts(target)[0], 200)

    def test_killed_export_leaves_the_old_file(self):
        """A killed export-sync never leaves a partial file under the final name."""
        rng = random.Random(20121122)
        for n in range(200):
            subprocess.run(self.add_command(n), check=True, capture_output=True)
        sync_file = os.path.join(self.tmp.name, "site.sasaeai")
        command = [CLI, "--db", self.db, "export-sync", sync_file]
        subprocess.run(command, check=True, capture_output=True)
        duration = self.median_duration(command)
        checker = os.path.join(self.tmp.name, "check.db")
        subprocess.run([CLI, "--db", checker, "init", "--empty"], check=True, capture_output=True)
        for n in range(KILLS):
            self.kill_at_random(command, rng, duration)
            # Whatever is under the final name is a whole, valid sync file.
            check = subprocess.run([CLI, "--db", checker, "import-sync", "--dry-run", sync_file],
                                   capture_output=True, text=True)
            self.assertEqual(check.returncode, 0, f"kill {n}: {check.stderr}")

    def test_concurrent_writers(self):
        writers, per_writer = 4, 25
        errors = []
        stop = threading.Event()

        def write(w):
            for i in range(per_writer):
                r = subprocess.run(self.add_command(w * 1000 + i), capture_output=True, text=True)
                if r.returncode != 0:
                    errors.append(r.stderr)

        def read():
            while not stop.is_set():
                r = subprocess.run([CLI, "--db", self.db, "activity", "list", "--json"],
                                   capture_output=True, text=True)
                if r.returncode != 0:
                    errors.append(r.stderr)
                else:
                    json.loads(r.stdout)

        threads = [threading.Thread(target=write, args=(w,)) for w in range(writers)]
        reader = threading.Thread(target=read)
        reader.start()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        stop.set()
        reader.join()

        self.assertEqual(errors, [])
        self.assertEqual(counts(self.db)[0], writers * per_writer)
        self.assertEqual(integrity(self.db), "ok")


if __name__ == "__main__":
    unittest.main(verbosity=2)
