"""The floor: merely parse YAML files with libyaml, as ``yaml.load(text, Loader=yaml.CSafeLoader)``.

    python -m benchmarks.floor PATHS...

Files named directly and ``*.yaml`` under folders, found like ``indexer`` finds them.
Nothing else is imported, so a subprocess run measures interpreter start + PyYAML + parsing.
"""

from __future__ import annotations

import os
import sys

import yaml


def yaml_files(paths: list[str]) -> list[str]:
    out: list[str] = []
    for p in paths:
        if os.path.isdir(p):
            out += sorted(os.path.join(d, f) for d, _, fs in os.walk(p) for f in fs
                          if f.endswith((".yaml", ".yml")))
        else:
            out.append(p)
    return out


def parse_all(files: list[str]) -> int:
    n = 0
    for f in files:
        with open(f, encoding="utf-8") as fh:
            text = fh.read()
        yaml.load(text, Loader=yaml.CSafeLoader)
        n += 1
    return n


if __name__ == "__main__":
    parse_all(yaml_files(sys.argv[1:]))
