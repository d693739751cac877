"""devtools/module_sizes.py: the largest modules of app/, counted and sorted."""

from __future__ import annotations

from pathlib import Path

from devtools.module_sizes import APP, main, module_sizes


def test_every_module_is_counted_largest_first():
    sizes = module_sizes()
    assert len(sizes) == len(list(APP.rglob("*.py")))
    assert [lines for lines, _ in sizes] == sorted((lines for lines, _ in sizes), reverse=True)
    by_path = {path: lines for lines, path in sizes}
    root = APP.parent
    assert by_path["app/emrex/elmo/reading.py"] == len((root / "app/emrex/elmo/reading.py").read_text().splitlines())


def test_over_prints_only_the_longer_modules(capsys):
    main(["--over", "300"])
    printed = capsys.readouterr().out.splitlines()
    assert printed
    assert all(int(line.split()[0]) > 300 and Path(APP.parent, line.split()[1]).is_file() for line in printed)
