"""The generated form and resource modules match their sources (ui/*.ui, resources/*.qrc)."""

from __future__ import annotations

import pytest

from desktop_oms.gui.forms import compile as forms


@pytest.mark.parametrize("job", forms.jobs(), ids=lambda job: job.source.name)
def test_generated_module_is_up_to_date(job: forms.Job) -> None:
    """Compiling the source again gives the committed module byte for byte; if not, run
    ``python -m desktop_oms.gui.forms.compile``."""
    assert job.target.exists(), f"{job.target.name} is missing: compile the forms"
    assert not forms.stale(job), (
        f"{job.target.name} is stale: run python -m desktop_oms.gui.forms.compile"
    )


def test_every_form_and_resource_file_is_compiled() -> None:
    """The main window, the sign-in view and the station's resources are all there."""
    names = {job.target.name for job in forms.jobs()}
    assert {"ui_mainwindow.py", "ui_signin.py", "rc_station.py"} <= names


def test_check_mode_reports_a_stale_module(
    tmp_path: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``--check`` exits 1 and writes nothing when a source changed after compiling."""
    job = next(j for j in forms.jobs() if j.source.name == "signin.ui")
    copy = tmp_path / "signin.ui"  # type: ignore[operator]
    copy.write_text(job.source.read_text().replace("Sign in", "Log on"))
    target = tmp_path / "ui_signin.py"  # type: ignore[operator]
    target.write_bytes(job.target.read_bytes())
    monkeypatch.setattr(forms, "jobs", lambda: [forms.Job(copy, target)])
    before = target.read_bytes()
    assert forms.main(["--check"]) == 1
    assert target.read_bytes() == before
    assert forms.main([]) == 0 and b"Log on" in target.read_bytes()
    assert forms.main(["--check"]) == 0
