# SPDX-License-Identifier: GPL-3.0-or-later
"""What the PDF tests read of fonts: the embedded fonts (pdffonts), the most common
character size (pdfminer), and a fontconfig setup without a given family."""
import collections
import json
import os
import subprocess
import sys

# pdfminer may be installed for the system's Python only (python3-pdfminer).
SIZES = r"""
import collections, json, sys
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar

def chars(item):
    if isinstance(item, LTChar):
        yield item
    elif hasattr(item, "__iter__"):
        for child in item:
            yield from chars(child)

counts = collections.Counter(round(c.size, 1) for page in extract_pages(sys.argv[1])
                             for c in chars(page) if c.get_text().strip())
print(json.dumps(counts.most_common()))
"""


def pdfminer_python():
    """A Python that has pdfminer, or None."""
    for python in (sys.executable, "/usr/bin/python3"):
        if os.path.exists(python) and subprocess.run([python, "-c", "import pdfminer"],
                                                     capture_output=True).returncode == 0:
            return python
    return None


def char_sizes(pdf):
    """[(size in points, how many characters)], the most common first."""
    out = subprocess.run([pdfminer_python(), "-c", SIZES, pdf], capture_output=True, text=True, check=True)
    return [tuple(pair) for pair in json.loads(out.stdout)]


def body_size(pdf):
    return char_sizes(pdf)[0][0]


def embedded_fonts(pdf):
    """[(name without the subset prefix, is a subset)] as pdffonts lists them."""
    rows = subprocess.run(["pdffonts", pdf], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    fonts = []
    for row in rows:
        name = row.split()[0]
        emb, sub = row.split()[-5:-3]
        fonts.append((name.split("+", 1)[-1], emb == "yes" and sub == "yes"))
    return fonts


def without_family(directory, family):
    """An environment whose fontconfig has every font but @family's."""
    path = os.path.join(directory, "fonts.conf")
    with open(path, "w") as f:
        f.write(f"""<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <selectfont>
    <rejectfont><pattern><patelt name="family"><string>{family}</string></patelt></pattern></rejectfont>
  </selectfont>
</fontconfig>
""")
    return {**os.environ, "FONTCONFIG_FILE": path}


def pgm(path):
    """A binary PGM as (width, height, bytes of grey levels)."""
    with open(path, "rb") as f:
        data = f.read()
    magic, width, height, _, pixels = data.split(maxsplit=4)
    assert magic == b"P5"
    return int(width), int(height), pixels
