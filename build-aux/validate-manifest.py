#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the Flatpak manifest: validate-manifest.py MANIFEST APP_ID

The app id and command are the ones the build installs, and the sandbox grants exactly
what the app needs: a display, the session's IPC, GL and the keyring."""
import json
import sys

EXPECTED_FINISH_ARGS = {'--share=ipc', '--socket=fallback-x11', '--socket=wayland', '--device=dri',
                        '--talk-name=org.freedesktop.secrets'}


def problems(manifest, app_id):
    if manifest.get('app-id') != app_id:
        yield 'app-id is %r, expected %r' % (manifest.get('app-id'), app_id)
    if manifest.get('command') != 'sasaeai':
        yield "command is %r, expected 'sasaeai'" % manifest.get('command')
    args = manifest.get('finish-args', [])
    if len(args) != len(set(args)) or set(args) != EXPECTED_FINISH_ARGS:
        yield 'finish-args are %r, expected exactly %r' % (args, sorted(EXPECTED_FINISH_ARGS))


def main(path, app_id):
    with open(path, encoding='utf-8') as f:
        manifest = json.load(f)
    errors = list(problems(manifest, app_id))
    for e in errors:
        print(e, file=sys.stderr)
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main(*sys.argv[1:]))
