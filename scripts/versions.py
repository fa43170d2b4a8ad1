#!/usr/bin/env python3
"""One version for the server and every client: [project] version in the root pyproject.toml.

    python3 scripts/versions.py            print the version
    python3 scripts/versions.py --check    exit 1, naming each file, if a client's version differs
    python3 scripts/versions.py --set X.Y.Z  set the version everywhere (server and clients)

Where the version lives:
  pyproject.toml                      [project] version (the source) and its rewards-client==X pin
  clients/python/pyproject.toml       [project] version
  clients/typescript/package.json     "version" (and package-lock.json, both places)
  clients/java/pom.xml                the project's <version>
  clients/go/rewardsclient/version.go const Version; a Go module's own version is its git tag,
                                      clients/go/vX.Y.Z (see clients/go/README.md)
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEMVER = re.compile(r"^\d+\.\d+\.\d+$")


def _sub(pattern: str, text: str, replacement: str | None) -> tuple[str | None, str]:
    """(the version found by pattern's group 2, text with it replaced when replacement is set)."""
    match = re.search(pattern, text, flags=re.MULTILINE)
    if match is None:
        return None, text
    if replacement is not None:
        text = text[:match.start(2)] + replacement + text[match.end(2):]
    return match.group(2), text


# (file, label, regular expression whose group 2 is the version); applied in order, the first is the source.
TEXT_PLACES = [
    ("pyproject.toml", "[project] version", r'^(\[project\][^\[]*?\nversion = ")([^"]+)'),
    ("pyproject.toml", "rewards-client== pin", r'^(\s*"rewards-client==)([^",;\s]+)'),
    ("clients/python/pyproject.toml", "[project] version", r'^(\[project\][^\[]*?\nversion = ")([^"]+)'),
    ("clients/java/pom.xml", "project <version>", r"(<artifactId>rewards-client</artifactId>\s*<version>)([^<]+)"),
    ("clients/go/rewardsclient/version.go", "const Version", r'^(const Version = ")([^"]+)'),
]
JSON_PLACES = [
    ("clients/typescript/package.json", [["version"]]),
    ("clients/typescript/package-lock.json", [["version"], ["packages", "", "version"]]),
]


def source_version() -> str:
    found, _ = _sub(TEXT_PLACES[0][2], (ROOT / TEXT_PLACES[0][0]).read_text(), None)
    if found is None:
        sys.exit("versions.py: no [project] version in pyproject.toml")
    return found


def places(new: str | None) -> list[tuple[str, str | None]]:
    """(place, version found) of every place; with `new`, also writes it there."""
    seen = []
    for name, label, pattern in TEXT_PLACES:
        path = ROOT / name
        found, text = _sub(pattern, path.read_text(), new)
        seen.append((f"{name} {label}", found))
        if new is not None and found is not None and found != new:
            path.write_text(text)  # only when it changes (make's venv target watches pyproject.toml)
    for name, keys in JSON_PLACES:
        path = ROOT / name
        data = json.loads(path.read_text())
        for key in keys:
            node = data
            for part in key[:-1]:
                node = node[part]
            seen.append((f"{name} {'.'.join(repr(k) for k in key)}", node.get(key[-1])))
            if new is not None:
                node[key[-1]] = new
        if new is not None and json.dumps(data, indent=2) + "\n" != path.read_text():
            path.write_text(json.dumps(data, indent=2) + "\n")
    return seen


def main(argv: list[str]) -> int:
    if argv[:1] == ["--set"] and len(argv) == 2:
        if not SEMVER.match(argv[1]):
            sys.exit(f"versions.py: {argv[1]!r} is not X.Y.Z")
        places(argv[1])
        print(f"versions.py: every version is now {argv[1]}")
        return 0
    version = source_version()
    if argv == ["--check"]:
        wrong = [(place, found) for place, found in places(None) if found != version]
        for place, found in wrong:
            print(f"versions.py: {place} has {found!r}, not the server's {version!r}"
                  f" (run: python3 scripts/versions.py --set {version})", file=sys.stderr)
        if wrong:
            return 1
        print(f"versions.py: server and clients are all at {version}")
        return 0
    if argv:
        sys.exit(__doc__)
    print(version)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
