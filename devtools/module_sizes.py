"""The largest modules of app/: lines and path, largest first.

    .venv/bin/python -m devtools.module_sizes          # the 20 largest
    .venv/bin/python -m devtools.module_sizes -n 50    # more
    .venv/bin/python -m devtools.module_sizes --over 400

A module over about 400 lines states at its top why it stays whole (STYLE.md).
"""

from __future__ import annotations

import argparse
from pathlib import Path

APP = Path(__file__).resolve().parents[1] / "app"


def module_sizes(root: Path = APP) -> list[tuple[int, str]]:
    """(lines, path relative to the repository) of every Python module under ``root``, largest
    first."""
    sizes = []
    for path in root.rglob("*.py"):
        with path.open("rb") as f:
            lines = sum(1 for _ in f)
        sizes.append((lines, path.relative_to(root.parent).as_posix()))
    return sorted(sizes, key=lambda item: (-item[0], item[1]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=20, help="how many modules to print (default 20)")
    parser.add_argument("--over", type=int, default=None, help="print every module longer than this instead")
    args = parser.parse_args(argv)
    sizes = module_sizes()
    shown = [s for s in sizes if s[0] > args.over] if args.over is not None else sizes[:args.n]
    for lines, path in shown:
        print(f"{lines:6d}  {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
