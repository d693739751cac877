"""`make run`'s launcher: the demo data waits for the queue (issue 16 item 7)."""

from __future__ import annotations

import os
import sys

import pytest


def test_demo_data_loads_after_the_queue_and_mail_are_up_and_before_the_app() -> None:
    """`make run` loaded the demo data before Valkey started: seven "enqueue of send_email
    failed (ConnectionError)" warnings. The launcher now loads it as a one-shot step."""
    from devtools import launcher

    names = [service.name for service in launcher.SERVICES]
    assert names.index("valkey") < names.index("demo") and names.index("mail") < names.index("demo")
    assert names.index("demo") < min(names.index("web"), names.index("worker"), names.index("sweeper"))
    demo = launcher.SERVICES[names.index("demo")]
    assert demo.oneshot and demo.argv[-2:] == ("demo", "load")
    run_target = (launcher.ROOT / "Makefile").read_text().split("\nrun:", 1)[1].split("\n\n", 1)[0]
    assert "demo load" not in run_target


def test_a_oneshot_step_runs_to_its_end_before_the_next_and_a_failure_stops_the_start(tmp_path) -> None:
    from devtools import launcher

    marker = tmp_path / "step-done"
    step = launcher.Service("step", (sys.executable, "-c", f"open({str(marker)!r}, 'w').write('x')"), oneshot=True)
    after = launcher.Service("after", (sys.executable, "-c", f"import os; assert os.path.exists({str(marker)!r})"),
                             oneshot=True)
    ok = launcher.Launcher((step, after), dict(os.environ))
    ok.start_all()
    assert marker.exists() and ok.started == []
    failing = launcher.Service("broken", (sys.executable, "-c", "raise SystemExit(3)"), oneshot=True)
    bad = launcher.Launcher((failing,), dict(os.environ))
    with pytest.raises(launcher.StartupError, match="broken exited with code 3"):
        bad.start_all()
