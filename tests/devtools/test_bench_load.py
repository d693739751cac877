"""The load suite's bookkeeping (bench/load_suite.py, bench/page_cpu.py): its own sections of
the report, the CPU by process group and by route. No server, no timing asserted."""

import os
import types

from flask import Flask

from bench import load_suite, page_cpu

REPORT = ("# Benchmark report\n\nheader\n\n## CPU per request\n\ncpu rows\n\n## Worker efficiency\n\nworker rows\n\n"
          "## Load suite, saturation (200 clients)\n\nold saturation\n\n"
          "## Load suite, open loop (20 arrivals/s)\n\nold open\n")


def test_each_mode_rewrites_only_its_own_section_whatever_its_old_title():
    saturation = load_suite.replace_section(REPORT, ["", "## Load suite, saturation (150 clients)", "", "new sat", ""],
                                            mode="saturation")
    assert "old saturation" not in saturation and "new sat" in saturation and "old open" in saturation
    assert saturation.index("## Worker efficiency") < saturation.index("new sat") < saturation.index("## Load suite, open")
    assert saturation.count("## Load suite, saturation") == 1
    both = load_suite.replace_section(saturation, ["", "## Load suite, open loop (40 arrivals/s)", "", "new open", ""],
                                      mode="open")
    assert "old open" not in both and both.index("new sat") < both.index("new open")
    assert both.split("## Load suite, saturation")[0] == REPORT.split("## Load suite, saturation")[0]
    again = load_suite.replace_section(both, ["", "## Load suite, open loop (40 arrivals/s)", "", "new open", ""],
                                       mode="open")
    assert again == both


def test_a_missing_section_is_added_saturation_before_the_open_loop():
    bare = "# Benchmark report\n\n## CPU per request\n\nrows\n"
    opened = load_suite.replace_section(bare, ["## Load suite, open loop (40 arrivals/s)", "", "open"], mode="open")
    assert opened.startswith(bare.rstrip("\n")) and opened.endswith("open\n")
    both = load_suite.replace_section(opened, ["## Load suite, saturation (200 clients)", "", "sat"], mode="saturation")
    assert both.index("## CPU per request") < both.index("sat") < both.index("## Load suite, open loop")


def test_cpu_is_summed_by_group_and_the_targets_use_web_workers_sweeper_and_database():
    first = {("web", 1): 100, ("web", 2): 10, ("workers", 3): 5, ("sweeper", 4): 1, ("db", 5): 0,
             ("valkey", 6): 7, ("load generator", 7): 50}
    last = {("web", 1): 130, ("web", 2): 30, ("workers", 3): 15, ("sweeper", 4): 2, ("db", 5): 20,
            ("valkey", 6): 9, ("load generator", 7): 90}
    totals = load_suite.CpuMeter.totals(first, last, 10.0)
    assert totals["groups"] == {"web": 500.0, "workers": 100.0, "sweeper": 10.0, "db": 200.0, "valkey": 20.0,
                                "load generator": 400.0}
    assert totals["haku"] == 610.0 and totals["db"] == 200.0


def test_processes_are_grouped_by_their_part_in_the_run():
    def proc(name, pid):
        return types.SimpleNamespace(name=name, proc=types.SimpleNamespace(pid=pid))

    procs = [proc("emp-sandbox", 1), proc("topcv-sandbox", 2), proc("gunicorn", 3), proc("worker-1", 4),
             proc("worker-2", 5), proc("sweeper", 6)]
    groups = load_suite.process_groups(procs, types.SimpleNamespace(pid=7))
    assert groups == {"sandboxes": [1, 2], "web": [3], "workers": [4, 5], "sweeper": [6], "valkey": [7]}


def test_the_report_says_where_the_cpu_went_and_what_the_generator_took():
    result = {"seconds": 100.0, "generator_cpu": 20.0,
              "cpu": {"seconds": 110.0, "haku": 150_000.0, "db": 30_000.0,
                      "groups": {"web": 120_000.0, "workers": 25_000.0, "sweeper": 5_000.0, "db": 30_000.0},
                      "routes": {"GET /admin/jobs/<int:job_id>": [1000, 30.0], "POST /admin/login": [10, 1.0]}}}
    lines = "\n".join(load_suite.cpu_lines(result, 10_000))
    cores = os.cpu_count()
    assert f"| web (gunicorn master and workers) | 120.0 | 12.00 | 67% | {round(100 * 120 / (cores * 110))}% |" in lines
    assert "| `GET /admin/jobs/<int:job_id>` | 1,000 | 30.00 | 30.0 | 25% |" in lines
    assert "| outside the app (gunicorn) | 1,010 | 88.12 | 89.0 | 74% |" in lines
    assert "signed in" not in lines  # no sign-ins before the clock in this result
    signed = {**result, "sign_ins": {"count": 80, "seconds": 4.0, "cpu": {"haku": 9_000.0, "db": 600.0},
                                     "latencies": {"recruiter sign-in POST": [0.1] * 80}}}
    lines = "\n".join(load_suite.cpu_lines(signed, 10_000))
    assert "80 recruiters signed in" in lines and "9.6 s of Haku + PostgreSQL CPU, 60 ms per request" in lines
    assert "they would add 0.96 ms per Haku request" in lines
    sentence = load_suite.generator_sentence(result, 10_000)
    assert "20 s of CPU" in sentence and "2.00 ms per Haku request" in sentence
    assert f"{round(100 * 20 / (cores * 100))}% of the {cores} cores" in sentence


def test_page_cpu_counts_each_route_once_per_request_and_writes_per_process(tmp_path):
    app = Flask(__name__)

    @app.get("/jobs/<int:job_id>")
    def job(job_id):
        return str(job_id)

    @app.post("/apply")
    def apply():
        return "", 303

    page_cpu.install(app, str(tmp_path))
    client = app.test_client()
    before = page_cpu.read(tmp_path)
    for n in range(3):
        assert client.get(f"/jobs/{n}").status_code == 200
    assert client.post("/apply").status_code == 303
    assert client.get("/nowhere").status_code == 404
    load_suite.wait_until(lambda: (tmp_path / f"{os.getpid()}.json").exists()
                          and sum(v[0] for v in page_cpu.read(tmp_path)[str(os.getpid())].values()) == 5,
                          10, 0.05, "the per-route totals")
    routes = page_cpu.delta(before, page_cpu.read(tmp_path))
    assert {k: v[0] for k, v in routes.items()} == {"GET /jobs/<int:job_id>": 3, "POST /apply": 1,
                                                    "GET (no route)": 1}
    assert all(v[1] >= 0 for v in routes.values())


def test_a_delta_counts_new_processes_from_zero_and_leaves_out_idle_routes():
    before = {"10": {"GET /a": [5, 1.0]}}
    after = {"10": {"GET /a": [5, 1.0], "GET /b": [2, 0.5]}, "11": {"GET /a": [3, 0.25]}}
    assert page_cpu.delta(before, after) == {"GET /b": [2, 0.5], "GET /a": [3, 0.25]}


def test_one_pass_over_proc_finds_each_process_under_its_parent():
    kids = load_suite.parents_to_children()
    assert os.getpid() in kids[os.getppid()]
    assert os.getpid() in load_suite.CpuMeter._tree([os.getppid()], kids)
