#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs every benchmark on generated datasets and gathers their figures in one table.

    bench.py BUILD_DIR [--sizes 10000,100000] [--markdown FILE] [--only report|sync|window|handout|folder] [--datasets DIR]

For each size, bench-generate writes a dataset; bench-sync, bench-activity-log,
bench-calendar and bench-handout then measure it, each printing FIGURE lines
(tests/bench-figure.h) with a baseline measured in the same run; sasaeai-cli report
and review list are timed here against the sqlite3 shell running a plain GROUP BY
over the same tables. --only report measures those alone, --only sync bench-sync
alone; --datasets DIR keeps the generated databases there for the next run. The sample
plan's handout is timed beside LibreOffice Calc converting the same schedule, written
as a flat ODS file, to PDF (--only handout). bench-folder lets 12 and 50 sites of 2,000
activities each sync through one shared folder (--only folder). Peak memory is the
window's, on the dataset and on the sample plan alone. Sasaeai is started on each
dataset, in turn with GNOME Calendar (xdotool, dbus-run-session), to its first
mapped window and its peak memory; --only window measures that and the activity log
alone. The table goes to standard
output, and with --markdown to FILE with the machine it ran on, keeping what FILE has
below its KEPT line (the dated measurements written by hand). Needs a display
for the window: run under xvfb-run.
"""
import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from xml.sax.saxutils import escape


def run(args, **kwargs):
    result = subprocess.run(args, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        sys.exit(f"{' '.join(map(str, args))} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return result.stdout


NOTES = []
LOAD_AT_START = " ".join(f"{x:.1f}" for x in os.getloadavg())
TARGET_SIZE = 100000  # the targets are set for this many activities


def figures(output, size):
    for line in output.splitlines():
        if line.startswith("NOTE\t"):
            NOTES.append(f"{size:,} activities: {line.split(chr(9), 1)[1]}")
        if line.startswith("FIGURE\t"):
            _, what, value, unit, baseline, baseline_value, target = line.split("\t")
            yield dict(size=size, what=what, value=float(value), unit=unit, baseline=baseline,
                       baseline_value=float(baseline_value), target=target if size == TARGET_SIZE else "")


def met(figure):
    """Whether the figure meets its target: "< N" in its unit, or "ratio <= N"."""
    target = figure["target"]
    if not target:
        return None
    if target.startswith("ratio <= "):
        return figure["value"] <= float(target.split()[-1]) * figure["baseline_value"]
    return figure["value"] < float(target.split()[-1])


def memory_figures(tool, db, empty, size):
    peak = int(run([tool, "--memory", db]).split()[-1]) / 1024
    alone = int(run([tool, "--memory", empty]).split()[-1]) / 1024
    yield dict(size=size, what="peak memory, the window with the log", value=peak, unit="MB",
               baseline="the window on the sample plan alone", baseline_value=alone, target="")
    yield dict(size=size, what="memory the activities add to the window", value=peak - alone, unit="MB",
               baseline="the window on the sample plan alone", baseline_value=alone,
               target="< 150" if size == TARGET_SIZE else "")


STARTS = 5  # start-up and its peak memory: the median of this many starts


def window_of(pid):
    """The id of a visible X window of process @pid, or None."""
    found = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(pid)],
                           capture_output=True, text=True).stdout.split()
    return found[0] if found else None


def child_named(pid, name):
    """dbus-run-session's child @name: the program whose window and memory count."""
    for _ in range(500):
        found = subprocess.run(["pgrep", "-P", str(pid), "-x", name], capture_output=True, text=True).stdout.split()
        if found:
            return int(found[0])
        time.sleep(0.005)
    sys.exit(f"{name} did not start")


def peak_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmHWM:"))


def start_once(args, name, settle=2.0):
    """Starts @args in a session bus of its own: seconds to its first mapped window
    (polled every few milliseconds) and its peak resident memory, in kB, @settle
    seconds later, when the window has filled; None if no window showed within a minute."""
    start = time.perf_counter()
    session = subprocess.Popen(["dbus-run-session", "--", *args], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    result = None
    try:
        pid = child_named(session.pid, name)
        while window_of(pid) is None and time.perf_counter() < start + 60:
            time.sleep(0.002)
        if window_of(pid) is not None:
            shown = time.perf_counter() - start
            time.sleep(settle)
            result = shown, peak_kb(pid)
        os.kill(pid, 15)
    except (ProcessLookupError, FileNotFoundError):
        # It ended by itself (GNOME Calendar now and then does, under a loaded Xvfb):
        # no figure, and the caller starts it again.
        result = None
    finally:
        try:
            session.wait(timeout=10)
        except subprocess.TimeoutExpired:
            session.kill()
            session.wait()
    return result


def started(args, name, tries=1):
    """start_once, tried up to @tries times: GNOME Calendar, the reference, now and
    then shows no window under a loaded Xvfb; each such start is noted."""
    for _ in range(tries):
        result = start_once(args, name)
        if result is not None:
            return result
        NOTES.append(f"{' '.join(args)} showed no window within a minute, and was started again")
    sys.exit(f"{' '.join(args)} showed no window within a minute")


def startup_figures(build, db, size):
    """Sasaeai on @db against GNOME Calendar, started in turn, median of STARTS each."""
    app = os.path.join(build, "src", "app", "sasaeai")
    ours, theirs = [], []
    for _ in range(STARTS):
        ours.append(started([app, "--db", db], "sasaeai"))
        theirs.append(started(["gnome-calendar"], "gnome-calendar", tries=3))

    def median(values):
        return sorted(values)[len(values) // 2]

    package = subprocess.run(["dpkg-query", "-W", "-f", "${Version}", "gnome-calendar"],
                             capture_output=True, text=True).stdout
    baseline = f"GNOME Calendar {package.split('-')[0]} (empty), started in turn"
    yield dict(size=size, what=f"start-up to the window shown (median of {STARTS})",
               value=median([t for t, _ in ours]) * 1e3, unit="ms", baseline=baseline,
               baseline_value=median([t for t, _ in theirs]) * 1e3, target="ratio <= 1")
    yield dict(size=size, what=f"peak memory of the started application (median of {STARTS})",
               value=median([m for _, m in ours]) / 1024, unit="MB", baseline=baseline,
               baseline_value=median([m for _, m in theirs]) / 1024, target="ratio <= 1")


def median_ms(args, rounds=7):
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        run(args)
        times.append((time.perf_counter() - start) * 1e3)
    return sorted(times)[rounds // 2]


# The year's totals, as the sqlite3 shell gives them with a plain GROUP BY: the
# baselines of sasaeai-cli report and review list (a process each, JSON out).
YEAR = "a.date >= '2012-04-01' AND a.date < '2013-04-01'"
REPORT_BASELINES = [
    ("report --fy 2012 --by organization", ["report", "--fy", "2012", "--by", "organization", "--json"],
     "sqlite3 -json: GROUP BY organization, names joined",
     "SELECT o.name, count(*), sum(a.participants), sum(a.volunteers) FROM activity a"
     " LEFT JOIN organization o ON o.id = a.organization_id"
     f" WHERE a.deleted = 0 AND {YEAR} GROUP BY a.organization_id ORDER BY o.name"),
    ("report --fy 2012 --by month", ["report", "--fy", "2012", "--by", "month", "--json"],
     "sqlite3 -json: GROUP BY month",
     "SELECT substr(a.date, 1, 7), count(*), sum(a.participants), sum(a.volunteers) FROM activity a"
     f" WHERE a.deleted = 0 AND {YEAR} GROUP BY 1"),
    ("review list --fy 2012", ["review", "list", "--fy", "2012", "--json"],
     "sqlite3 -json: links GROUP BY commitment",
     "SELECT l.commitment_id, count(*), sum(a.participants), sum(a.volunteers) FROM activity_commitment l"
     f" JOIN activity a ON a.id = l.activity_id AND a.deleted = 0 WHERE l.deleted = 0 AND {YEAR}"
     " GROUP BY l.commitment_id"),
]


def report_figures(build, db, size, sqlite3):
    cli = os.path.join(build, "src", "cli", "sasaeai-cli")
    for what, args, baseline, sql in REPORT_BASELINES:
        value = median_ms([cli, "--db", db, *args])
        baseline_value = median_ms([sqlite3, "-json", db, sql])
        yield dict(size=size, what=f"sasaeai-cli {what} (median of 7)", value=value, unit="ms",
                   baseline=baseline, baseline_value=baseline_value, target="")


FODS_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:body><office:spreadsheet><table:table table:name="Schedule">
"""
FODS_TAIL = "</table:table></office:spreadsheet></office:body></office:document>\n"


def fods_row(cells):
    return "<table:table-row>" + "".join(
        f"<table:table-cell office:value-type=\"string\"><text:p>{escape(c)}</text:p></table:table-cell>"
        for c in cells) + "</table:table-row>\n"


def write_schedule_fods(outline, path):
    """The handout's schedule table as a flat ODS spreadsheet: goal headings, then
    one row per commitment, 誰が, the text with its target, and a cell per fiscal
    year with ◎ and the phase where it starts and → through the years it runs."""
    plan = outline["plan"]
    years = list(range(plan["first_fy"], plan["last_fy"] + 1))
    rows = [fods_row(["誰が", "計画期間中に取り組むこと", *map(str, years)])]
    for section in outline["sections"]:
        for goal in section["goals"]:
            rows.append(fods_row([f"基本目標{goal['number']}", goal["title"]]))
            for c in goal["commitments"]:
                marks = [""] * len(years)
                for phase in c["phases"]:
                    for fy in range(phase["start_fy"], phase["end_fy"] + 1):
                        if fy in years:
                            marks[years.index(fy)] = f"◎{phase['label']}" if fy == phase["start_fy"] else "→"
                text = c["text"] + (f"【目標：{c['target']}】" if c["target"] else "")
                rows.append(fods_row([c["actor"], text, *marks]))
    with open(path, "w") as out:
        out.write(FODS_HEAD + "".join(rows) + FODS_TAIL)


def handout_figures(build, tmp):
    """sasaeai-cli handout beside LibreOffice Calc writing the same schedule as a PDF."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        NOTES.append("LibreOffice is not installed (libreoffice-calc-nogui): no handout figure")
        return
    cli = os.path.join(build, "src", "cli", "sasaeai-cli")
    db = os.path.join(tmp, "sample.db")
    run([cli, "--db", db, "init"])
    fods = os.path.join(tmp, "schedule.fods")
    write_schedule_fods(json.loads(run([cli, "--db", db, "outline", "--json"])), fods)
    pdf = os.path.join(tmp, "handout.pdf")
    value = median_ms([cli, "--db", db, "handout", "-o", pdf, "--date", "2010-04-01"])
    # A profile of its own, made before timing, so no run pays for the first start.
    office = [soffice, f"-env:UserInstallation=file://{tmp}/libreoffice", "--headless",
              "--convert-to", "pdf", "--outdir", os.path.join(tmp, "office"), fods]
    run(office)
    baseline_value = median_ms(office, rounds=5)
    NOTES.append(f"the sample plan's handout PDF is {os.path.getsize(pdf) / 1024:.0f} KB")
    yield dict(size=0, what="sasaeai-cli handout, the sample plan (median of 7)", value=value, unit="ms",
               baseline="LibreOffice Calc: soffice --headless --convert-to pdf of the same schedule (.fods, median of 5)",
               baseline_value=baseline_value, target="ratio <= 0.05")


def dataset(build, size, tmp, datasets):
    """The database of SIZE activities: generated, or the one kept in DATASETS from an
    earlier run (a million activities take minutes to generate)."""
    db = os.path.join(datasets or tmp, f"plan-{size}.db")
    if datasets and os.path.exists(db):
        return db
    start = time.monotonic()
    run([os.path.join(build, "tests", "bench-generate"), db + ".part", str(size)])
    os.replace(db + ".part", db)
    print(f"# {size:,} activities generated in {time.monotonic() - start:.1f} s", file=sys.stderr)
    return db


def measure(build, size, tmp, sqlite3, empty, only=None, datasets=None):
    tests = os.path.join(build, "tests")
    db = dataset(build, size, tmp, datasets)
    if only in (None, "report"):
        yield from report_figures(build, db, size, sqlite3)
    if only in (None, "sync"):
        yield from figures(run([os.path.join(tests, "bench-sync"), sqlite3, db]), size)
    if only in (None, "window") and shutil.which("gnome-calendar"):
        yield from startup_figures(build, db, size)
    if only in (None, "window"):
        copy = os.path.join(tmp, "copy.db")
        shutil.copyfile(db, copy)  # the log's benchmark edits and deletes
        yield from figures(run([os.path.join(tests, "bench-activity-log"), copy]), size)
        yield from memory_figures(os.path.join(tests, "bench-activity-log"), db, empty, size)
    if only is None:
        yield from figures(run([os.path.join(tests, "bench-calendar"), db]), size)
        yield from figures(run([os.path.join(tests, "bench-handout"), db]), size)


FOLDER_RUNS = [(12, 2000), (50, 2000)]  # sites × activities of each


def folder_figures(build):
    for sites, activities in FOLDER_RUNS:
        start = time.monotonic()
        output = run([os.path.join(build, "tests", "bench-folder"), str(sites), str(activities)])
        print(f"# {sites} sites × {activities:,} activities through one folder in "
              f"{time.monotonic() - start:.1f} s", file=sys.stderr)
        yield from figures(output, sites * activities)


def shown(rows):
    """Passes on @rows, printing each to standard error as it is measured: a run of an
    hour that stops early still shows what it measured."""
    for f in rows:
        print(f"# {f['size']:,} | {f['what']} | {number(f['value'], f['unit'])} | "
              f"{number(f['baseline_value'], f['unit'])}", file=sys.stderr, flush=True)
        yield f


def number(value, unit):
    return f"{value:,.1f} {unit}" if value < 100 else f"{value:,.0f} {unit}"


def cell(text):
    """@text in a Markdown table's cell: a “|” of its own (a shell pipe) would end it."""
    return text.replace("|", "\\|")


def table(rows):
    lines = ["| activities | what | time | baseline | baseline time | × baseline | target | met |",
             "|---:|---|---:|---|---:|---:|---|---|"]
    for f in rows:
        ok = met(f)
        ratio = f["value"] / f["baseline_value"] if f["baseline_value"] else float("nan")
        lines.append(f"| {f['size']:,} | {cell(f['what'])} | {number(f['value'], f['unit'])} | {cell(f['baseline'])} | "
                     f"{number(f['baseline_value'], f['unit'])} | {ratio:.2f} | {f['target']} | "
                     f"{'' if ok is None else 'yes' if ok else '**no**'} |")
    return "\n".join(lines)


def first_line(path, key):
    try:
        with open(path) as f:
            for line in f:
                if line.startswith(key):
                    return line.split(":", 1)[1].strip() if ":" in line else line.split("=", 1)[1].strip('"\n')
    except OSError:
        pass
    return "unknown"


def version(*args):
    try:
        return subprocess.run(args, capture_output=True, text=True).stdout.split()[0]
    except (OSError, IndexError):
        return "unknown"


def machine():
    memory_kb = int(first_line("/proc/meminfo", "MemTotal").split()[0])
    return [
        f"- Processor: {first_line('/proc/cpuinfo', 'model name')}, {os.cpu_count()} cores",
        f"- Memory: {memory_kb / 1024 / 1024:.0f} GiB",
        f"- System: {first_line('/etc/os-release', 'PRETTY_NAME')}, Linux {platform.release()}",
        f"- GTK {version('pkg-config', '--modversion', 'gtk4')}, libadwaita "
        f"{version('pkg-config', '--modversion', 'libadwaita-1')}, GLib "
        f"{version('pkg-config', '--modversion', 'glib-2.0')}, SQLite {version('sqlite3', '--version')}",
        f"- Display: {os.environ.get('DISPLAY', 'none')} (Xvfb: GTK draws with Mesa's llvmpipe, on the processor)",
        f"- Load average: {LOAD_AT_START} when the run started, {' '.join(f'{x:.1f}' for x in os.getloadavg())} "
        "when it ended (other work on the processor slows figure and baseline alike, but not evenly)",
    ]


KEPT = "<!-- Written by hand from here on: bench.py keeps what follows. -->"


def kept_sections(path):
    """What follows KEPT in @path: the dated measurements written by hand, which a
    new run of the table must not erase."""
    try:
        with open(path) as f:
            text = f.read()
    except FileNotFoundError:
        return f"\n{KEPT}\n"
    at = text.find(KEPT)
    return "\n" + text[at:] if at >= 0 else f"\n{KEPT}\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("build")
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--markdown")
    parser.add_argument("--sqlite3", default=shutil.which("sqlite3") or "sqlite3")
    parser.add_argument("--only", choices=["report", "sync", "window", "handout", "folder"],
                        help="measure only sasaeai-cli report and review list, bench-sync, the window "
                             "(start-up and memory beside GNOME Calendar's, the activity log's search, sort "
                             "and delete), the handout beside LibreOffice, or the shared sync folder")
    parser.add_argument("--datasets", help="keep the generated databases in this folder and reuse them")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    # As the tests run: no session bus, no portal, settings from the build tree.
    for name, value in [("GSETTINGS_SCHEMA_DIR", os.path.join(args.build, "data")), ("GSETTINGS_BACKEND", "memory"),
                        ("DBUS_SESSION_BUS_ADDRESS", "disabled:"), ("NO_AT_BRIDGE", "1"), ("GTK_A11Y", "none"),
                        ("ADW_DISABLE_PORTAL", "1"), ("LANGUAGE", "C"), ("LC_ALL", "C.UTF-8"),
                        ("TZ", "Asia/Tokyo")]:
        os.environ.setdefault(name, value)

    rows = []
    with tempfile.TemporaryDirectory(prefix="sasaeai-bench-") as tmp:
        empty = os.path.join(tmp, "empty.db")
        if args.only in (None, "report", "sync", "window"):
            run([os.path.join(args.build, "tests", "bench-generate"), empty, "0"])
            for size in sizes:
                rows.extend(shown(measure(args.build, size, tmp, args.sqlite3, empty, args.only, args.datasets)))
        if args.only in (None, "handout"):
            rows.extend(shown(handout_figures(args.build, tmp)))
        if args.only in (None, "folder"):
            rows.extend(shown(folder_figures(args.build)))
        if args.only is None:
            rows.extend(shown(figures(run([os.path.join(args.build, "tests", "bench-handout")]), 100000)))

    text = table(rows)
    print(text)
    for note in NOTES:
        print(note)
    if args.markdown:
        missed = [f for f in rows if met(f) is False]
        kept = kept_sections(args.markdown)
        with open(args.markdown, "w") as out:
            out.write("# Benchmarks\n\n")
            out.write(f"Measured on {date.today().isoformat()} by `build-aux/bootstrap bench`, which runs "
                      "`tests/bench.py`. Each figure stands beside a baseline measured in the same run, "
                      "so the ratio holds on a slower or busier machine.\n\n")
            out.write("## The machine\n\n" + "\n".join(machine()) + "\n\n")
            out.write("## The dataset\n\n"
                      "`bench-generate N`: the sample plan (one section, 18 commitments), ten organizations, "
                      "twelve districts and N activities over fiscal years 2010–2015, written in date order "
                      "as staff enter them; each advances up to two commitments. The last handout row is a "
                      "made-up plan of 500 commitments with 100,000 activities.\n\n")
            out.write("## Figures\n\nThe targets are set for 100,000 activities.\n\n" + text + "\n\n")
            out.write("".join(f"- {note}\n" for note in NOTES) + ("\n" if NOTES else ""))
            out.write(f"{len(missed)} of {sum(1 for f in rows if f['target'])} targets missed.\n")
            out.write(kept)
    return 0


if __name__ == "__main__":
    sys.exit(main())
