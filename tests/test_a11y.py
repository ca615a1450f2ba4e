#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The window as a screen reader meets it, through AT-SPI, in Japanese.

Every control of the four views and of the activity form has a name a person would
say, and a month's activities and the timeline's rows can be read one by one.

It starts its own D-Bus session (dbus-run-session) and runs under an X server; the
window is started here with the accessibility bridge on.
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


def run_in_own_session():
    """Runs this test again in a D-Bus session of its own, whose accessibility bus
    puts its socket in a folder of its own: by default it is ~/.cache/at-spi/bus_N
    for display N, which a session of another test on the same display would take."""
    with tempfile.TemporaryDirectory() as runtime:
        os.chmod(runtime, 0o700)
        env = dict(os.environ, XDG_RUNTIME_DIR=runtime, SASAEAI_A11Y_SESSION="1")
        return subprocess.run(["dbus-run-session", "--", sys.executable, *sys.argv], env=env).returncode


if __name__ == "__main__" and not os.environ.get("SASAEAI_A11Y_SESSION"):
    sys.exit(run_in_own_session())

# libatspi warns while the registry starts; only the window's warnings are fatal.
APP_G_DEBUG = os.environ.pop("G_DEBUG", None)

import gi  # noqa: E402

gi.require_version("Gio", "2.0")
from gi.repository import Gio, GLib  # noqa: E402


def a11y_bus_address():
    """This D-Bus session's accessibility bus, which it starts when asked."""
    try:
        return Gio.bus_get_sync(Gio.BusType.SESSION).call_sync(
            "org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus", "GetAddress", None,
            GLib.VariantType("(s)"), Gio.DBusCallFlags.NONE, -1).unpack()[0]
    except GLib.Error:
        return None


# GTK and libatspi look for the bus on the X display before the session: another
# session's bus, left there by a program on the same display, would be taken.
if a11y_bus_address():
    os.environ["AT_SPI_BUS_ADDRESS"] = a11y_bus_address()

try:
    import pyatspi
except ImportError:  # python3-pyatspi is not installed: nothing to drive the window with
    print("1..0 # SKIP python3-pyatspi is missing")
    sys.exit(77)

CLI = os.environ.get("SASAEAI_CLI", "sasaeai-cli")
APP = os.environ.get("SASAEAI_APP", "sasaeai")
LOCALE = "ja_JP.UTF-8"
TIMEOUT = 30.0

# The roles of controls a person operates: each needs a name.
CONTROL_ROLES = {
    pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX,
    pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_ENTRY, pyatspi.ROLE_TEXT,
    pyatspi.ROLE_PASSWORD_TEXT, pyatspi.ROLE_LIST_ITEM, pyatspi.ROLE_TABLE_CELL,
    pyatspi.ROLE_SPIN_BUTTON, pyatspi.ROLE_SLIDER, pyatspi.ROLE_PAGE_TAB, pyatspi.ROLE_TABLE_ROW,
    pyatspi.ROLE_MENU_ITEM, pyatspi.ROLE_CHECK_MENU_ITEM, pyatspi.ROLE_RADIO_MENU_ITEM,
    # What holds the rows: a screen reader says its name on entering it.
    pyatspi.ROLE_LIST, pyatspi.ROLE_LIST_BOX, pyatspi.ROLE_TABLE, pyatspi.ROLE_TREE_TABLE, pyatspi.ROLE_TREE,
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


class Node:
    __slots__ = ("path", "role", "name", "states", "parent", "children")

    def __init__(self, path, parent):
        self.path, self.parent = path, parent
        self.role, self.name, self.states, self.children = None, "", 0, []

    def has(self, state):
        return bool(self.states & (1 << int(state)))

    def describe(self):
        parts, node = [], self
        while node is not None and len(parts) < 12:
            role = str(pyatspi.Role(node.role))[5:].lower() if node.role is not None else "?"
            parts.append(f"{role}:{node.name!r}")
            node = node.parent
        return " < ".join(parts)

    def descendants(self):
        yield self
        for child in self.children:
            yield from child.descendants()

    def find(self, role, name=None, contains=None):
        for node in self.descendants():
            if node.role == int(role) and (name is None or node.name == name) and \
               (contains is None or contains in node.name):
                return node
        return None

    def find_all(self, role):
        return [node for node in self.descendants() if node.role == int(role)]


class Bus:
    """The application's accessible objects, read straight from the accessibility
    bus with the calls for a whole level of the tree sent together: pyatspi asks
    one property at a time, which takes a minute for the window's few thousand
    nodes on a busy machine."""

    def __init__(self, sender):
        address = os.environ.get("AT_SPI_BUS_ADDRESS") or a11y_bus_address()
        self.bus = Gio.DBusConnection.new_for_address_sync(
            address, Gio.DBusConnectionFlags.AUTHENTICATION_CLIENT
            | Gio.DBusConnectionFlags.MESSAGE_BUS_CONNECTION)
        self.sender = sender
        self.loop = GLib.MainLoop()
        self.pending = 0

    def call(self, node, interface, method, args, reply_type, store):
        def done(source, result):
            try:
                store(node, source.call_finish(result).unpack())
            except GLib.Error:
                pass  # gone: the tree changed while it was read
            self.pending -= 1
            if self.pending == 0:
                self.loop.quit()
        self.pending += 1
        self.bus.call(self.sender, node.path, interface, method, args, GLib.VariantType(reply_type),
                      Gio.DBusCallFlags.NONE, 10000, None, done)

    def wait(self):
        if self.pending:
            self.loop.run()

    def read(self, path, max_depth=200):
        """The visible nodes under @path: GTK 4.8 sets no SHOWING state below the
        window, and keeps the pages of a stack that are not in view."""
        root = Node(path, None)
        level = [root]
        visible = 1 << int(pyatspi.STATE_VISIBLE)
        paths = {}
        for _ in range(max_depth):
            for node in level:
                self.call(node, "org.a11y.atspi.Accessible", "GetState", None, "(au)",
                          lambda n, r: setattr(n, "states", r[0][0] | (r[0][1] << 32)))
                self.call(node, "org.a11y.atspi.Accessible", "GetRole", None, "(u)",
                          lambda n, r: setattr(n, "role", r[0]))
                self.call(node, "org.freedesktop.DBus.Properties", "Get",
                          GLib.Variant("(ss)", ("org.a11y.atspi.Accessible", "Name")), "(v)",
                          lambda n, r: setattr(n, "name", r[0]))
                self.call(node, "org.a11y.atspi.Accessible", "GetChildren", None, "(a(so))",
                          lambda n, r: paths.__setitem__(n, [p for _, p in r[0]]))
            self.wait()
            below = []
            for node in level:
                if node is not root and not node.states & visible:
                    if node.parent is not None:
                        node.parent.children.remove(node)
                    continue
                node.children = [Node(p, node) for p in paths.pop(node, [])]
                below.extend(node.children)
            level = below
            if not level:
                break
        return root

    def press(self, node):
        self.call(node, "org.a11y.atspi.Action", "DoAction", GLib.Variant("(i)", (0,)), "(b)",
                  lambda n, r: None)
        self.wait()

    def refresh(self, node):
        """@node with its states and name as they are now."""
        self.call(node, "org.a11y.atspi.Accessible", "GetState", None, "(au)",
                  lambda n, r: setattr(n, "states", r[0][0] | (r[0][1] << 32)))
        self.call(node, "org.freedesktop.DBus.Properties", "Get",
                  GLib.Variant("(ss)", ("org.a11y.atspi.Accessible", "Name")), "(v)",
                  lambda n, r: setattr(n, "name", r[0]))
        self.wait()
        return node

    def description(self, node):
        result = []
        self.call(node, "org.freedesktop.DBus.Properties", "Get",
                  GLib.Variant("(ss)", ("org.a11y.atspi.Accessible", "Description")), "(v)",
                  lambda n, r: result.append(r[0]))
        self.wait()
        return result[0] if result else ""


def unnamed_controls(root):
    problems = []
    for node in root.descendants():
        if node.role is None or node.role not in CONTROL_ROLES:
            continue
        problem = name_problem(node.name)
        if problem:
            problems.append(f"{problem}: {node.describe()}")
    return problems


def skip_popups(root):
    """@root without the rows of the lists of choices under drop-downs, which GTK
    builds only when one opens; the lists themselves are kept and need a name."""
    for node in root.descendants():
        if node.role == int(pyatspi.ROLE_COMBO_BOX):
            for inner in node.descendants():
                if inner.role == int(pyatspi.ROLE_LIST):
                    inner.children = []
    return root


class A11yTest(unittest.TestCase):
    switcher = None

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
        if APP_G_DEBUG:
            env["G_DEBUG"] = APP_G_DEBUG
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
        app = wait_for(cls.find_app, "the window on the accessibility bus", timeout=90)
        cls.app_path = app.path
        cls.bus = Bus(app.app.bus_name if app.app is not None else app.bus_name)

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

    def tree(self, max_depth=200):
        """The application's windows as they are now."""
        return self.bus.read(self.app_path, max_depth)

    def frame(self):
        """The main window, read whole."""
        frame = self.tree(2).find(pyatspi.ROLE_FRAME, name="Sasaeai")
        return frame and self.bus.read(frame.path)

    def find(self, role, name=None, contains=None, max_depth=200):
        return self.tree(max_depth).find(role, name, contains)

    def show_view(self, name):
        """Presses the view switcher's tab for @name and waits for the page. The
        header has two switchers, wide and narrow, and the window's bottom bar one;
        only the one on screen switches."""
        tabs = wait_for(lambda: [t for t in self.tree(12).find_all(pyatspi.ROLE_PAGE_TAB) if t.name == name],
                        f"the view switcher's {name}")

        def selected():
            return any(self.bus.refresh(t).has(pyatspi.STATE_SELECTED) for t in tabs)

        # The switcher that switched before comes first.
        tabs.sort(key=lambda t: t.parent.path != self.switcher)
        for tab in tabs:
            if selected():
                return
            type(self).switcher = tab.parent.path
            self.bus.press(tab)
            try:
                wait_for(selected, f"{name} shown", timeout=3)
            except AssertionError:
                continue
        wait_for(selected, f"{name} shown")

    def assert_all_named(self, root, what):
        problems = unnamed_controls(skip_popups(root))
        if problems:
            self.fail(f"{what}: controls without a usable name:\n  " + "\n  ".join(problems))

    def test_1_views_name_every_control(self):
        """List, Calendar, Timeline and Review: no control is unnamed, named by its type,
        or named with its mnemonic."""
        # GTK 4.8 keeps every view in the tree: show each, so each builds its rows,
        # then read the window once.
        for view in ("一覧", "カレンダー", "タイムライン", "振り返り"):
            self.show_view(view)
        self.assert_all_named(wait_for(self.frame, "the window"), "the four views")

    def test_2_activity_form_names_every_control(self):
        """The activity form, opened with the header's New Activity button."""
        self.show_view("一覧")
        button = wait_for(lambda: self.find(pyatspi.ROLE_PUSH_BUTTON, name="新しい活動", max_depth=12),
                          "the New Activity button")
        self.bus.press(button)

        def read_form():
            windows = [w for w in self.tree(2).children if w.name != "Sasaeai"]
            return windows and self.bus.read(windows[0].path)

        form = wait_for(lambda: (lambda f: f and f.find(pyatspi.ROLE_PUSH_BUTTON, name="保存") and f)(read_form()),
                        "the activity form and its Save button")
        try:
            self.assert_all_named(form, "the activity form")
        finally:
            cancel = form.find(pyatspi.ROLE_PUSH_BUTTON, name="キャンセル")
            if cancel is not None:
                self.bus.press(cancel)

    def test_3_month_activities_read_from_the_day_list(self):
        """The calendar's selected day says its count, and the day list beside the grid
        names each of its activities."""
        self.show_view("カレンダー")
        tree = wait_for(lambda: (lambda t: t.find(pyatspi.ROLE_LIST, name="選択した日の活動") and t)(self.tree()),
                        "the day's list")
        grid = tree.find(pyatspi.ROLE_TABLE, contains="件の活動")
        self.assertIsNotNone(grid, "the month grid named by its day and count")
        self.assertIn(f"{self.today.month}月{self.today.day}日", grid.name)
        self.assertRegex(grid.name, rf"{len(self.titles)}\s*件の活動")
        day_list = tree.find(pyatspi.ROLE_LIST, name="選択した日の活動")
        self.assertTrue(day_list.has(pyatspi.STATE_FOCUSABLE), "the day's list takes focus")
        names = sorted(item.name for item in day_list.find_all(pyatspi.ROLE_LIST_ITEM))
        self.assertEqual(len(names), len(self.titles), names)
        for title, name in zip(sorted(self.titles), names):
            self.assertTrue(name.startswith(title + "、"), f"{name!r} names {title!r}")

    def test_4_timeline_rows_read_as_a_list(self):
        """The timeline as a list: goal headings, and each commitment with its goal and
        who carries it out."""
        self.show_view("タイムライン")
        toggle = wait_for(lambda: self.find(pyatspi.ROLE_PUSH_BUTTON, name="一覧で表示", max_depth=16)
                          or self.find(pyatspi.ROLE_TOGGLE_BUTTON, name="一覧で表示", max_depth=16),
                          "the As a List button")
        self.bus.press(toggle)
        try:
            def filled_rows():
                rows = self.find(pyatspi.ROLE_LIST, name="計画のスケジュールの一覧")
                items = rows.find_all(pyatspi.ROLE_LIST_ITEM) if rows else []
                return items if any(item.name.startswith("基本目標") for item in items) else None

            # The list fills once it is shown: wait for its goal headings.
            items = wait_for(filled_rows, "the timeline's list with its goal headings")
            names = [item.name for item in items]
            goals = [n for n in names if n.startswith("基本目標")]
            # The first basic goal's heading, then its commitments: “goal › who: what”.
            first = names.index(goals[0])
            commitment = names[first + 1]
            self.assertTrue(commitment.startswith(goals[0] + " › "), commitment)
            who_what = re.match(r"(.+?)[:：]\s*(.+)", commitment[len(goals[0]) + 3:])
            self.assertTrue(who_what, commitment)
            self.assertIn(who_what.group(1), self.actors, commitment)
            # Each row says its schedule to a screen reader, as the drawing shows it.
            self.assertIn("スケジュール", self.bus.description(items[first + 1]), commitment)
        finally:
            self.bus.press(toggle)

if __name__ == "__main__":
    unittest.main(verbosity=2)
