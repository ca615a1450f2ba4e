#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`meson install` puts every file where GNOME looks for it, and the installed programs run."""
import os
import subprocess
import sys
import tempfile
import unittest

BUILD = os.environ["MESON_BUILD_ROOT"]
PREFIX = os.environ.get("SASAEAI_PREFIX", "/usr/local")
APP_ID = "io.github.sasaeai.Sasaeai"


class InstallTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        subprocess.run(["meson", "install", "-C", BUILD, "--no-rebuild", "--quiet",
                        "--destdir", cls.tmp.name], check=True, capture_output=True)
        cls.root = os.path.join(cls.tmp.name, PREFIX.lstrip("/"))

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def path(self, *parts):
        return os.path.join(self.root, *parts)

    def test_files_in_place(self):
        for parts in (("bin", "sasaeai"), ("bin", "sasaeai-cli"),
                      ("share", "applications", APP_ID + ".desktop"),
                      ("share", "metainfo", APP_ID + ".metainfo.xml"),
                      ("share", "glib-2.0", "schemas", APP_ID + ".gschema.xml"),
                      ("share", "icons", "hicolor", "scalable", "apps", APP_ID + ".svg"),
                      ("share", "icons", "hicolor", "symbolic", "apps", APP_ID + "-symbolic.svg"),
                      ("share", "locale", "ja", "LC_MESSAGES", "sasaeai.mo")):
            self.assertTrue(os.path.isfile(self.path(*parts)), os.path.join(*parts))

    def test_installed_cli_runs(self):
        out = subprocess.run([self.path("bin", "sasaeai-cli"), "--version"],
                             check=True, capture_output=True, text=True).stdout
        self.assertRegex(out, r"^sasaeai-cli \d+\.\d+\.\d+\n$")

    def test_installed_cli_works_on_a_database(self):
        db = os.path.join(self.tmp.name, "plan.db")
        subprocess.run([self.path("bin", "sasaeai-cli"), "--db", db, "init"], check=True, capture_output=True)
        out = subprocess.run([self.path("bin", "sasaeai-cli"), "--db", db, "outline"],
                             check=True, capture_output=True, text=True).stdout
        self.assertIn("第2期泉区地域福祉保健計画", out)

    def test_desktop_file_is_translated(self):
        text = open(self.path("share", "applications", APP_ID + ".desktop"), encoding="utf-8").read()
        self.assertIn("Name=Sasaeai", text)
        self.assertIn("Comment[ja]=", text)


if __name__ == "__main__":
    unittest.main(verbosity=2)
