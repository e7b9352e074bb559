"""Separation of duties: named reviewers per step, one person per step, and who approved
which step when in the export."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from helpers_review import CAMPAIGN, generated_workspace

from workbench.cli.main import run
from workbench.errors import InputError
from workbench.settings import Settings


def _toml(folder: Path, review: str) -> None:
    path = folder / "workbench.toml"
    text = path.read_text(encoding="utf-8")
    start = text.find("[review]")
    if start >= 0:
        end = text.find("\n[", start + 1)
        text = text[:start] + (text[end + 1 :] if end >= 0 else "")
    path.write_text(text + "\n[review]\n" + review + "\n", encoding="utf-8")


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = run(list(args))
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, captured.out, captured.err


@pytest.fixture
def ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = generated_workspace(tmp_path, monkeypatch)
    _toml(
        folder,
        'steps = [{name = "marketing"}, {name = "legal", reviewers = ["法务小王", "法务老李"]}]',
    )
    return folder


def _vid(capsys: pytest.CaptureFixture[str]) -> str:
    import json

    _, out, _ = cli(capsys, "variants", "list", "--campaign", CAMPAIGN, "--json")
    return str(json.loads(out)[0]["id"])


def test_named_reviewers_and_one_person_per_step(
    ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    vid = _vid(capsys)
    assert cli(capsys, "review", "approve", vid, "--reviewer", "小美")[0] == 0  # marketing
    code, _, err = cli(capsys, "review", "approve", vid, "--reviewer", "小美")
    assert code == 2 and "小美 may not approve step 'legal'; its reviewers" in err
    assert "法务小王, 法务老李" in err
    code, out, _ = cli(capsys, "review", "approve", vid, "--reviewer", "法务小王")
    assert code == 0 and "approved" in out
    code, out, _ = cli(capsys, "export", CAMPAIGN, "--format", "csv", "--out", str(ws / "r.csv"))
    rows = list(csv.DictReader(io.StringIO((ws / "r.csv").read_text(encoding="utf-8-sig"))))
    row = next(r for r in rows if r["variant_id"] == vid)
    marketing, legal = row["approvals"].splitlines()
    assert marketing.startswith("marketing: 小美 20") and legal.startswith("legal: 法务小王 20")


def test_the_same_person_cannot_approve_two_steps_unless_allowed(
    ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _toml(ws, 'steps = ["marketing", "legal"]')
    vid = _vid(capsys)
    assert cli(capsys, "review", "approve", vid, "--reviewer", "小美")[0] == 0
    code, _, err = cli(capsys, "review", "approve", vid, "--reviewer", "小美")
    assert code == 2 and err.strip() == (
        f"error: variant {vid}: 小美 approved step 'marketing'; another reviewer approves "
        "'legal' (or set review.allow_same_reviewer = true)"
    )
    _toml(ws, 'steps = ["marketing", "legal"]\nallow_same_reviewer = true')
    code, out, _ = cli(capsys, "review", "approve", vid, "--reviewer", "小美")
    assert code == 0 and "approved" in out


@pytest.mark.parametrize(
    ("review", "message"),
    [
        ('steps = [{reviewers = ["a"]}]', "steps[0]: a step table needs a name"),
        ('steps = [{name = "legal", who = ["a"]}]', "steps[0]: unknown key 'who'"),
        ('steps = ["a"]\nreviewers = {b = ["x"]}', "reviewers: 'b' is not one of the steps"),
        ('steps = [{name = "legal", reviewers = "x"}]', "steps[0].reviewers: a list of names"),
    ],
)
def test_bad_review_config_is_one_line(tmp_path: Path, review: str, message: str) -> None:
    path = tmp_path / "workbench.toml"
    path.write_text(f'[workspace]\nreviewer = "me"\n\n[review]\n{review}\n', encoding="utf-8")
    with pytest.raises(InputError) as info:
        Settings.load(path)
    (line,) = str(info.value).splitlines()
    assert line.startswith(f"{path}:4: review: ") and message in line


def test_todays_form_still_works(tmp_path: Path) -> None:
    path = tmp_path / "workbench.toml"
    path.write_text('[review]\nsteps = ["marketing", "legal"]\n', encoding="utf-8")
    review = Settings.load(path).review
    assert review.steps == ["marketing", "legal"] and review.reviewers == {}
    assert review.allow_same_reviewer is False
