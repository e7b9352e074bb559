"""Rules as data: the packaged set, a workspace file that adds, overrides, disables, allows."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.errors import InputError
from workbench.lint import LintContext, Linter, load_rules, packaged_rules


def test_packaged_rules_load_every_term_with_a_version() -> None:
    rules = packaged_rules()
    assert len(rules.terms) == 370
    assert len(rules.version) == 12
    assert rules.term("最佳") is not None and rules.term("最佳").severity == "ban"  # type: ignore[union-attr]


def test_workspace_file_adds_overrides_disables_and_allows(tmp_path: Path) -> None:
    (tmp_path / "compliance.yaml").write_text(
        "terms:\n"
        "  - {term: 秒杀全网, category: absolute, severity: ban, replacement: 限时优惠}\n"
        "  - {term: 首选, severity: ban}\n"
        "disable: [唯一]\n"
        "allow: [最好吃牌]\n",
        encoding="utf-8",
    )
    rules = load_rules(tmp_path)
    assert rules.version != packaged_rules().version
    linter = Linter(rules)
    found = {
        f["term"]: f
        for f in linter.lint_text("秒杀全网！首选好物，唯一正品，最好吃牌饼干", LintContext())
    }
    assert found["秒杀全网"]["severity"] == "ban" and found["秒杀全网"]["fix"] == "限时优惠"
    assert found["首选"]["severity"] == "ban"
    assert "唯一" not in found and "最好" not in found
    assert {f["ruleset"] for f in found.values()} == {rules.version}


def test_bad_workspace_file_names_file_line_and_field(tmp_path: Path) -> None:
    path = tmp_path / "compliance.yaml"
    path.write_text("terms:\n  - term: 好\n    severity: fatal\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_rules(tmp_path)
    assert str(err.value).startswith(f"{path}:3: terms[0].severity:")
    path.write_text("terms:\n  - {term: x, pattern: '('}\n", encoding="utf-8")
    with pytest.raises(InputError, match="regular expression"):
        load_rules(tmp_path)
