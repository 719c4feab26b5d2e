"""``bench/run.py`` gathers the scripts' figures into one table: parsing their output,
and a missing or failed script becoming a row that says so. No benchmark runs here and
nothing is timed; the scripts it launches are stand-ins written to a temporary folder.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"
sys.path.insert(0, str(BENCH))

import figures  # noqa: E402
import run  # noqa: E402
from figures import Figure  # noqa: E402

MET = Figure("open a queue", 69.0, "ms", 41.0, "raw fetch", 1.68, target="<= 3x", met=True)
MISSED = Figure("cold start", 1.9, "s", 0.08, "import Qt", 23.7, target="<= 1.5 s", met=False)
INFO = Figure("end to end", 58.8, "s", note="HTTP 36 s")


def _script(name: str) -> run.Script:
    return run.Script(name, f"{name}_bench.py", ("--quick",), ())


def test_emitted_line_parses_back_among_other_output(capsys: pytest.CaptureFixture[str]) -> None:
    """The BENCH-FIGURES line round-trips, whatever the script printed around it."""
    print("a table for people")
    figures.emit([MET, INFO])
    print("trailing note")
    assert figures.parse(capsys.readouterr().out) == [MET, INFO]
    assert figures.parse("no marker here\n") == []


def test_outcome_collects_figures_from_stdout_and_stderr() -> None:
    """gui_bench prints its line on stderr (its stdout is one JSON document)."""
    out = "table\n" + figures.MARKER + '[{"name": "a", "value": 1.0, "unit": "s"}]\n'
    err = figures.MARKER + '[{"name": "b", "value": 2.0, "unit": "ms"}]\n'
    outcome = run.outcome_of(_script("x"), 0, out, err)
    assert outcome.status == "ok"
    assert [f.name for f in outcome.figures] == ["a", "b"]
    assert outcome.all_met  # no figure with a target


def test_failed_script_reports_the_last_line_of_stderr() -> None:
    err = "Traceback (most recent call last):\n  ...\nRuntimeError: the server did not start\n\n"
    outcome = run.outcome_of(_script("sync"), 1, "partial table\n", err)
    assert (outcome.status, outcome.message) == ("failed", "RuntimeError: the server did not start")
    assert not outcome.all_met
    row = run.table([outcome]).splitlines()[-1]
    assert "`sync_bench.py`" in row
    assert "failed: RuntimeError: the server did not start" in row
    assert "**not measured**" in row


def test_silent_success_and_timeout_are_failures() -> None:
    silent = run.outcome_of(_script("stock"), 0, "a table but no marker\n", "")
    assert (silent.status, silent.message) == ("failed", "printed no BENCH-FIGURES line")
    late = run.outcome_of(_script("gui"), None, "", "", seconds=900.0)
    assert (late.status, late.message) == ("failed", "timed out after 900 s")


def test_missing_script_is_a_row_and_the_run_goes_on(tmp_path: Path) -> None:
    """A script file that does not exist is "not run: missing"; the next one still runs."""
    missing = run.Script("nothere", "no_such_bench_script.py", (), ())
    assert run.run_script(missing, "small", tmp_path, timeout=60).status == "missing"
    table = run.table([run.Outcome(missing, "missing", message="gone")])
    assert "| `no_such_bench_script.py` | not run: missing |" in table


def test_a_real_subprocess_crash_and_a_success(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """run_script runs the file in its own process and keeps its output in the folder."""
    fake_bench = tmp_path / "bench"
    fake_bench.mkdir()
    (fake_bench / "ok_bench.py").write_text(
        "import sys\n"
        f"sys.path.insert(0, {str(BENCH)!r})\n"
        "from figures import Figure, emit\n"
        "assert sys.argv[1:] == ['--quick', '--json'], sys.argv\n"
        "print('table')\n"
        "emit([Figure('f', 1.0, 's', target='<= 2 s', met=True)])\n"
    )
    (fake_bench / "crash_bench.py").write_text("raise SystemExit('boom: no database')\n")
    monkeypatch.setattr(run, "BENCH", fake_bench)
    out = tmp_path / "out"
    out.mkdir()
    ok = run.run_script(_script("ok"), "small", out, timeout=60)
    crash = run.run_script(_script("crash"), "small", out, timeout=60)
    assert ok.status == "ok" and ok.all_met and ok.figures[0].name == "f"
    assert (crash.status, crash.message) == ("failed", "boom: no database")
    assert (out / "ok.out").read_text().startswith("table\n")


def test_table_has_every_figure_with_its_verdict() -> None:
    outcomes = [
        run.Outcome(_script("gui"), "ok", [MET, INFO]),
        run.Outcome(_script("startup"), "ok", [MISSED]),
    ]
    lines = run.table(outcomes).splitlines()
    assert lines[0].startswith("| figure | measured | reference (same run) | ratio | target")
    assert len(lines) == 2 + 3
    assert lines[2] == "| open a queue | 69.0 ms | raw fetch 41.0 ms | 1.68x | <= 3x | met |"
    assert lines[3].startswith("| end to end (HTTP 36 s) | 58.8 s | — | — | — |")
    assert lines[4].endswith("| <= 1.5 s | **missed** |")
    assert not outcomes[1].all_met


def test_only_selects_known_scripts_in_table_order() -> None:
    assert [s.name for s in run.select("startup,sync")] == ["sync", "startup"]
    assert [s.name for s in run.select(None)] == [s.name for s in run.SCRIPTS]
    with pytest.raises(SystemExit, match="unknown nope"):
        run.select("sync,nope")


def test_every_script_asks_for_json_at_both_scales() -> None:
    for script in run.SCRIPTS:
        assert script.argv("small")[-1] == script.argv("large")[-1] == "--json"
    sync = next(s for s in run.SCRIPTS if s.name == "sync")
    assert sync.argv("large") == ["--skus", "500000", "--stores", "10", "--json"]
