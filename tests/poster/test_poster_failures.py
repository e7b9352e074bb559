"""A poster that cannot be drawn is a recorded, counted failure with exit 1, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from workbench.cli.main import run
from workbench.poster import batch
from workbench.store import Store


def _poster_brief(ws: Path, landing_url: str | None = None) -> Path:
    brief = yaml.safe_load((ws / "briefs" / "member-day.yaml").read_text(encoding="utf-8"))
    brief["deliverables"] = [
        {
            "kind": "poster",
            "size": "xiaohongshu",
            "template": "bold-sale",
            "variants": 2,
            "qr": True,
        }
    ]
    brief.pop("experiment", None)
    if landing_url is not None:
        brief["campaign"]["product"]["landing_url"] = landing_url
    path = ws / "briefs" / "posters.yaml"
    path.write_text(yaml.safe_dump(brief, allow_unicode=True), encoding="utf-8")
    return path


def test_one_failing_poster_fails_the_run_and_the_rest_are_kept(
    ws: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _poster_brief(ws)
    real = batch.render_file
    calls: list[int] = []

    def flaky(task: batch.RenderTask) -> batch.RenderedFile:
        calls.append(task.variant_id)
        if len(calls) == 2:
            raise ValueError("Invalid version (was 41, expected 1 to 40)")
        return real(task)

    monkeypatch.setattr(batch, "render_file", flaky)
    assert run(["generate", str(path)]) == 1
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    assert "✗ poster bold-sale-xiaohongshu-" in captured.err
    assert "ValueError: Invalid version (was 41, expected 1 to 40)" in captured.err
    assert "failed 1" in captured.out.lower() or "失败 1" in captured.out, captured.out
    with Store.open(ws / "workbench.db") as store:
        posters = store.variants.rows(kind="poster")
        assert sum(len(v.assets or ()) for v in posters) == len(calls) - 1 == 3


def test_a_landing_url_too_long_for_the_qr_code_fails_validate(
    ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _poster_brief(ws, "https://example.com/x?" + "a" * 2300)
    assert run(["validate", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"{path}:") and "campaign.product.landing_url: 2,322 bytes" in err
    assert "too long for a poster's QR code" in err
