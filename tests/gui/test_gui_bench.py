"""The pickup queue benchmark runs: its quick mode prints every figure it promises.

Only the shape of the results is checked, never a time (benchmarks do not belong in the
test suite; this keeps the script from rotting as the view changes).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_quick_run_reports_both_figures_with_their_references() -> None:
    """``bench/gui_bench.py --quick --json``: the open and stall figures, each with its
    same-run reference, ratio and target, and the stall of every delta round."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "gui_bench.py"), "--quick", "--json"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    results = json.loads(done.stdout)
    assert results["scale"] == {"queue": 2_000, "delta": 2_000, "skus": 2_000}
    opened, stall = results["open"], results["stall"]
    for figure, ours, reference in (
        (opened, "ours_s", "reference_s"),
        (stall, "ours_ms", "reference_ms"),
    ):
        assert figure[ours] > 0 and figure[reference] > 0
        assert figure["ratio"] == pytest.approx(figure[ours] / figure[reference])
        assert isinstance(figure["met"], bool) and figure["target"].startswith("<=")
        assert figure["reference"]
    assert "2,000-row queue" in opened["figure"]
    assert len(opened["samples"]["ours"]) == len(opened["samples"]["reference"]) >= 1
    assert len(stall["rounds"]) >= 1
    for one in stall["rounds"]:
        assert one["ticks"] > 1 and one["stall_ms"] >= one["busy_p99_ms"] > 0
        assert one["until_shown_s"] >= one["apply_s"] > 0
