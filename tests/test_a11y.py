#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The window as a screen reader meets it, through AT-SPI, in Japanese.

Every control of the four views and of the activity form has a name a person would
say, and a month's activities and the timeline's rows can be read one by one.

Run inside its own D-Bus session (tests/meson.build: dbus-run-session -- python3 …),
under an X server; the window is started here with the accessibility bridge on.
"""
import datetime
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import unittest

try:
    import pyatspi
except ImportError:  # python3-pyatspi is not installed: nothing to drive the window with
    print("1..0 # SKIP python3-pyatspi is missing")
    sys.exit(77)

CLI = os.environ.get("SASAEAI_CLI", "sasaeai-cli")
APP = os.environ.get("SASAEAI_APP", "sasaeai")
LOCALE = "ja_JP.UTF-8"
TIMEOUT = 20.0

# The roles of controls a person operates: each needs a name.
CONTROL_ROLES = {
    pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX,
    pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_ENTRY, pyatspi.ROLE_TEXT,
    pyatspi.ROLE_PASSWORD_TEXT, pyatspi.ROLE_LIST_ITEM, pyatspi.ROLE_TABLE_CELL,
    pyatspi.ROLE_SPIN_BUTTON, pyatspi.ROLE_SLIDER, pyatspi.ROLE_PAGE_TAB, pyatspi.ROLE_TABLE_ROW,
}
# “_Save”, and Japanese “保存(_S)” or, as the label shows it, “保存(S)”.
MNEMONIC = re.compile(r"\(_?[A-Za-z0-9]\)|(^|[^_\w])_\w")


def has_locale(name):
    out = subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout.split()
    wanted = name.lower().replace("-", "").replace("utf8", "utf8")
    return any(x.lower().replace("-", "") == wanted.replace("-", "") for x in out)


def wait_for(condition, what, timeout=TIMEOUT):
    """Polls @condition until it returns something true; fails after @timeout seconds."""
    end = time.monotonic() + timeout
    while True:
        try:
            value = condition()
        except (SystemExit, AssertionError):
            raise
        except Exception:  # the tree changes under us while the window builds it
            value = None
        if value:
            return value
        if time.monotonic() > end:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def name_problem(name):
    """Why @name is no name a person would say, or None."""
    if not name or not name.strip():
        return "no name"
    if name.startswith("Gtk") or name.startswith("Adw") or name.startswith("Sa"):
        return "the widget's type name"
    if MNEMONIC.search(name):
        return "a mnemonic underscore"
    half = len(name) // 2
    if len(name) % 2 == 1 and name[half] == " " and name[:half] == name[half + 1:]:
        return "the text twice"
    return None


def walk(node, visible_only=True, depth=0, skip_popups=False):
    """The node and its descendants that are not hidden. GTK 4.8 sets no SHOWING
    state below the window, and keeps the pages of a stack that are not in view."""
    if node is None or depth > 80:
        return
    try:
        states = node.getState()
    except Exception:
        return
    if visible_only and depth > 0 and not states.contains(pyatspi.STATE_VISIBLE):
        return
    yield node
    # A drop-down's list of choices is GTK's own, built only when it opens.
    if skip_popups and node.getRole() == pyatspi.ROLE_COMBO_BOX:
        return
    try:
        count = node.childCount
    except Exception:
        return
    for i in range(count):
        try:
            child = node.getChildAtIndex(i)
        except Exception:
            continue
        yield from walk(child, visible_only, depth + 1, skip_popups)


def path_of(node):
    parts = []
    while node is not None and len(parts) < 8:
        try:
            parts.append(f"{node.getRoleName()}:{node.name!r}")
            node = node.parent
        except Exception:
            break
    return " < ".join(parts)


def unnamed_controls(root):
    problems = []
    for node in walk(root, skip_popups=True):
        try:
            role = node.getRole()
        except Exception:
            continue
        if role not in CONTROL_ROLES:
            continue
        problem = name_problem(node.name)
        if problem:
            problems.append(f"{problem}: {path_of(node)}")
    return problems


def breadth_first(root, max_depth=64):
    """The visible nodes under @root, level by level: toolbars and lists come
    before the rows of other views."""
    level = [root]
    for _ in range(max_depth):
        below = []
        for node in level:
            try:
                if node is not root and not node.getState().contains(pyatspi.STATE_VISIBLE):
                    continue
                yield node
                below.extend(node.getChildAtIndex(i) for i in range(node.childCount))
            except Exception:
                continue
        level = [n for n in below if n is not None]
        if not level:
            return


def find(root, role, name=None, contains=None, prefix=None):
    """The first node of @role and name, breadth first."""
    for node in breadth_first(root):
        try:
            if node.getRole() == role and \
               (name is None or node.name == name) and \
               (contains is None or contains in node.name) and \
               (prefix is None or node.name.startswith(prefix)):
                return node
        except Exception:
            continue
    return None


def find_all(root, role):
    return [n for n in walk(root) if n.getRole() == role]


def press(node):
    action = node.queryAction()
    for i in range(action.nActions):
        if action.getName(i) in ("click", "press", "activate", "toggle"):
            return action.doAction(i)
    return action.doAction(0)


class A11yTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if not has_locale(LOCALE):
            raise unittest.SkipTest(f"the {LOCALE} locale is not generated (locale-gen)")
        cls.tmp = tempfile.TemporaryDirectory()
        cls.db = os.path.join(cls.tmp.name, "plan.db")
        for sub in ("run", "cache", "config", "data"):
            os.makedirs(os.path.join(cls.tmp.name, sub), mode=0o700)
        cls.today = datetime.date.today()
        cls.cli("init")
        outline = json.loads(cls.cli("outline", "--json"))
        cls.actors = {c["actor"] for sec in outline["sections"] for g in sec["goals"]
                      for c in g["commitments"]}
        cls.titles = ["ふれあいサロン", "見守り訪問"]
        for title in cls.titles:
            cls.cli("activity", "add", "--date", cls.today.isoformat(), "--title", title)

        env = dict(os.environ)
        for key in ("GTK_A11Y", "NO_AT_BRIDGE", "LANGUAGE"):
            env.pop(key, None)
        env.update({
            "LANG": LOCALE, "LC_ALL": LOCALE,
            "XDG_RUNTIME_DIR": os.path.join(cls.tmp.name, "run"),
            "XDG_CACHE_HOME": os.path.join(cls.tmp.name, "cache"),
            "XDG_CONFIG_HOME": os.path.join(cls.tmp.name, "config"),
            "XDG_DATA_HOME": os.path.join(cls.tmp.name, "data"),
        })
        cls.process = subprocess.Popen([APP, "--db", cls.db], env=env)
        cls.app = wait_for(cls.find_app, "the window on the accessibility bus")
        cls.frame = wait_for(lambda: find(cls.app, pyatspi.ROLE_FRAME), "the window")

    @classmethod
    def tearDownClass(cls):
        if getattr(cls, "process", None):
            cls.process.terminate()
            try:
                cls.process.wait(10)
            except subprocess.TimeoutExpired:
                cls.process.kill()
        if getattr(cls, "tmp", None):
            cls.tmp.cleanup()

    @classmethod
    def cli(cls, *args):
        result = subprocess.run([CLI, "--db", cls.db, *args], capture_output=True, text=True,
                                env=dict(os.environ, LANG="C.UTF-8"))
        if result.returncode != 0:
            raise AssertionError(f"sasaeai-cli {args}: {result.stderr}")
        return result.stdout

    @classmethod
    def find_app(cls):
        if cls.process.poll() is not None:
            raise SystemExit(f"sasaeai exited with status {cls.process.returncode}")
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            if app is not None and app.get_process_id() == cls.process.pid:
                if app.childCount > 0:
                    return app
        return None

    def show_view(self, name):
        """Presses the view switcher's tab for @name and waits for the page. The
        header has two switchers, wide and narrow, and the window's bottom bar one."""
        def tabs():
            switchers = [n for n in breadth_first(self.frame, 10) if n.getRole() == pyatspi.ROLE_PAGE_TAB_LIST]
            return [t for s in switchers for t in walk(s) if t.getRole() == pyatspi.ROLE_PAGE_TAB
                    and t.name == name]

        def selected():
            return any(t.getState().contains(pyatspi.STATE_SELECTED) for t in self.tabs[name])

        if not hasattr(self, "tabs"):
            type(self).tabs = {}
        if name not in self.tabs:
            self.tabs[name] = wait_for(tabs, f"the view switcher's {name}")
        # Only the switcher on screen switches: the others are not mapped.
        for tab in self.tabs[name]:
            if selected():
                return
            press(tab)
            try:
                wait_for(selected, f"{name} shown", timeout=3)
            except AssertionError:
                continue
        wait_for(selected, f"{name} shown")

    def assert_all_named(self, root, what):
        problems = wait_for(lambda: unnamed_controls(root) or ["ok"], f"{what} read")
        if problems == ["ok"]:
            return
        self.fail(f"{what}: controls without a usable name:\n  " + "\n  ".join(problems))

    def test_1_views_name_every_control(self):
        """List, Calendar, Timeline and Review: no control is unnamed, named by its type,
        or named with its mnemonic."""
        # GTK 4.8 keeps every view in the tree: show each, so each builds its rows,
        # then read the window once.
        for view in ("一覧", "カレンダー", "タイムライン", "振り返り"):
            self.show_view(view)
        self.assert_all_named(self.frame, "the four views")

    def test_2_activity_form_names_every_control(self):
        self.show_view("一覧")
        before = self.app.childCount
        button = wait_for(lambda: find(self.frame, pyatspi.ROLE_PUSH_BUTTON, name="新しい活動"),
                          "the New Activity button")
        press(button)
        form = wait_for(lambda: self.app.childCount > before and self.app.getChildAtIndex(self.app.childCount - 1),
                        "the activity form")
        wait_for(lambda: find(form, pyatspi.ROLE_PUSH_BUTTON), "the form's buttons")
        try:
            self.assert_all_named(form, "the activity form")
        finally:
            cancel = find(form, pyatspi.ROLE_PUSH_BUTTON, name="キャンセル")
            if cancel is not None:
                press(cancel)

    def test_3_month_activities_read_from_the_day_list(self):
        """The calendar's selected day says its count, and the day list beside the grid
        names each of its activities."""
        self.show_view("カレンダー")
        grid = wait_for(lambda: find(self.frame, pyatspi.ROLE_TABLE, contains="件の活動"),
                        "the month grid named by its day")
        self.assertIn(f"{self.today.month}月{self.today.day}日", grid.name)
        self.assertRegex(grid.name, rf"{len(self.titles)}\s*件の活動")
        day_list = wait_for(lambda: find(self.frame, pyatspi.ROLE_LIST, name="選択した日の活動"),
                            "the day's list")
        self.assertTrue(day_list.getState().contains(pyatspi.STATE_FOCUSABLE), "the day's list takes focus")
        items = wait_for(lambda: len(find_all(day_list, pyatspi.ROLE_LIST_ITEM)) == len(self.titles)
                         and find_all(day_list, pyatspi.ROLE_LIST_ITEM), "the day's activities")
        names = sorted(item.name for item in items)
        for title, name in zip(sorted(self.titles), names):
            self.assertTrue(name.startswith(title), f"{name!r} names {title!r}")

    def test_4_timeline_rows_read_as_a_list(self):
        """The timeline as a list: goal headings, and each commitment with its goal and
        who carries it out."""
        self.show_view("タイムライン")
        toggle = wait_for(lambda: find(self.frame, pyatspi.ROLE_PUSH_BUTTON, name="一覧で表示")
                          or find(self.frame, pyatspi.ROLE_TOGGLE_BUTTON, name="一覧で表示"),
                          "the As a List button")
        press(toggle)
        rows = wait_for(lambda: find(self.frame, pyatspi.ROLE_LIST, name="計画のスケジュールの一覧"),
                        "the timeline's list")
        items = wait_for(lambda: find_all(rows, pyatspi.ROLE_LIST_ITEM), "the timeline's rows")
        names = [item.name for item in items]
        goals = [n for n in names if n.startswith("基本目標")]
        self.assertTrue(goals, names[:5])
        # The first basic goal's heading, then its commitments: “goal › who: what”.
        first = names.index(goals[0])
        commitment = names[first + 1]
        self.assertTrue(commitment.startswith(goals[0] + " › "), commitment)
        who_what = re.match(r"(.+?)[:：]\s*(.+)", commitment[len(goals[0]) + 3:])
        self.assertTrue(who_what, commitment)
        self.assertIn(who_what.group(1), self.actors, commitment)
        # Each row says its schedule to a screen reader, as the drawing shows it.
        self.assertTrue(items[first + 1].description, commitment)
        press(toggle)


if __name__ == "__main__":
    unittest.main(verbosity=2)
