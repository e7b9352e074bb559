"""price: .inf (and any other non-finite number) is refused at validate, at its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.cli.main import run


@pytest.mark.parametrize("value", [".inf", "-.inf", ".nan"])
def test_non_finite_price_is_refused(
    ws: Path, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    brief = ws / "briefs" / "member-day.yaml"
    text = brief.read_text(encoding="utf-8")
    assert "price: 89" in text
    brief.write_text(text.replace("price: 89", f"price: {value}"), encoding="utf-8")
    assert run(["validate", str(brief)]) == 2
    err = capsys.readouterr().err
    assert f"{brief}:" in err and "campaign.product.price: must be" in err
    assert "Traceback" not in err
