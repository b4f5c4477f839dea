#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks the Flatpak manifest without the runtime's servers: it parses as
# JSON; it runs the app (not only the CLI) as APP_ID on the GNOME runtime; it
# asks for a display and nothing of the user's files (a document app opens
# them through the file chooser and document portals); and every library
# meson.build asks for is either in the GNOME runtime or built by a module
# of the manifest, Redline itself last.
#
# Usage: check-flatpak.py MANIFEST MESON_BUILD APP_ID

import json
import re
import sys

# What org.gnome.Platform provides of Redline's dependencies (pkg-config names).
RUNTIME = {"glib-2.0", "gobject-2.0", "gio-2.0", "gmodule-no-export-2.0", "libxml-2.0",
           "sqlite3", "json-glib-1.0", "gtk4", "libadwaita-1"}
# Modules the manifest may build for a library the runtime lacks.
MODULE_PROVIDES = {"lunar-date": {"lunar-date-3.0"}}


def fail(message):
    print("not ok: " + message)
    sys.exit(1)


def main():
    manifest_path, meson_path, app_id = sys.argv[1:4]
    try:
        with open(manifest_path, encoding="utf-8") as f:
            manifest = json.load(f)
    except ValueError as e:
        fail("%s is not JSON: %s" % (manifest_path, e))

    if manifest.get("id") != app_id:
        fail("the id is %r, not %r" % (manifest.get("id"), app_id))
    if manifest.get("command") != "redline":
        fail("the command is %r: the manifest must run the app" % manifest.get("command"))
    if manifest.get("runtime") != "org.gnome.Platform" or manifest.get("sdk") != "org.gnome.Sdk":
        fail("not the GNOME runtime and SDK")
    if not str(manifest.get("runtime-version", "")).isdigit():
        fail("the runtime version %r is not a GNOME release" % manifest.get("runtime-version"))

    args = manifest.get("finish-args", [])
    for needed in ("--share=ipc", "--socket=wayland", "--socket=fallback-x11"):
        if needed not in args:
            fail("finish-args lack %s" % needed)
    for arg in args:
        if arg.startswith("--filesystem=") and arg.split("=", 1)[1].split(":")[0] in ("home", "host"):
            fail("%s: files come through the portals, not from the home folder" % arg)
        if arg in ("--share=network", "--socket=x11"):
            fail("%s: Redline works offline and on Wayland or fallback X11" % arg)

    modules = manifest.get("modules", [])
    if not modules:
        fail("no modules")
    for module in modules:
        if not isinstance(module, dict) or not module.get("name") or not module.get("sources"):
            fail("a module without a name or sources: %r" % (module,))
    redline = modules[-1]
    if redline["name"] != "redline" or redline.get("buildsystem") != "meson":
        fail("the last module must build Redline with meson")
    if {"type": "dir", "path": ".."} not in redline["sources"]:
        fail("Redline's module does not build this source tree")

    with open(meson_path, encoding="utf-8") as f:
        wanted = set(re.findall(r"dependency\('([^']+)'", f.read()))
    built = set()
    for module in modules[:-1]:
        built |= MODULE_PROVIDES.get(module["name"], set())
    missing = sorted(wanted - RUNTIME - built)
    if missing:
        fail("neither the runtime nor a module provides %s" % ", ".join(missing))

    print("ok: %s runs %s on %s %s with %d module(s); dependencies: %s"
          % (manifest_path, manifest["command"], manifest["runtime"],
             manifest["runtime-version"], len(modules), ", ".join(sorted(wanted))))


if __name__ == "__main__":
    main()
