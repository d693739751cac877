"""The CPU table's bookkeeping (bench/cpu_bench.py): no server, no timing asserted."""

import os

from bench.cpu_bench import Meter, cpu_ticks, ratio_cell, replace_section

REPORT = "# Benchmark report\n\nheader\n\n## Requests\n\nrows\n\n## SQL queries per page\n\ncounts\n"


def test_the_section_goes_before_the_query_table_then_replaces_itself():
    once = replace_section(REPORT, ["## CPU per request", "", "first", ""])
    assert once.index("## Requests") < once.index("## CPU per request") < once.index("## SQL queries per page")
    twice = replace_section(once, ["## CPU per request", "", "second", ""])
    assert "first" not in twice and twice.count("## CPU per request") == 1
    assert twice.replace("second", "first") == once


def test_processes_born_during_a_row_count_from_zero_and_ended_ones_are_skipped():
    before = {"app": {1: 100, 2: 50}, "db": {10: 7}}
    after = {"app": {1: 130, 2: None, 3: 5}, "db": {10: 9, 11: 1}}
    tick = 1000 / os.sysconf("SC_CLK_TCK")
    assert Meter.delta_ms(before, after, "app") == 35 * tick
    assert Meter.delta_ms(before, after, "db") == 3 * tick


def test_own_process_ticks_are_readable_and_a_missing_pid_is_none():
    assert isinstance(cpu_ticks(os.getpid()), int)
    assert cpu_ticks(2**22 + 12345) is None


def test_ratio_cells_read_like_the_issue():
    assert ratio_cell(1.83) == "1.8×"
