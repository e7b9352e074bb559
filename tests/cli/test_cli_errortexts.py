"""Core error messages in a zh-CN workspace (#18): the catalog of templates, the prefix
kept, unknown messages left alone, and real errors from the brief loader, the campaign
resolver and review as a zh-CN operator sees them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cli_testkit import Cli

from workbench.errors import InputError, NotFoundError, Problem
from workbench.errortexts import ERROR_TEXTS, localize_error, localize_message


def test_every_template_fills_in_its_parts() -> None:
    for english, chinese in ERROR_TEXTS:
        names = re.findall(r"\{(\w+)\}", english)
        assert sorted(set(names)) == sorted(set(re.findall(r"\{(\w+)\}", chinese))), english
        values = {name: f"<{name}{i}>" for i, name in enumerate(names)}
        localized = localize_message(english.format(**values), "zh-CN")
        assert localized == chinese.format(**values), english
        assert localize_message(english.format(**values), "en-US") == english.format(**values)


def test_problems_keep_their_prefix_and_unknown_messages_stay() -> None:
    error = InputError(
        [
            Problem(
                "briefs/a.yaml", 16, "deliverables[1].variants", "must be between 1 and 50 (got -1)"
            ),
            Problem("briefs/a.yaml", 3, "campaign.name", "some message no template knows"),
        ]
    )
    assert localize_error(error, "zh-CN").splitlines() == [
        "briefs/a.yaml:16: deliverables[1].variants: 必须在 1 到 50 之间（现在是 -1）",
        "briefs/a.yaml:3: campaign.name: some message no template knows",
    ]
    assert localize_error(error, "en-US") == str(error)
    assert localize_error(NotFoundError("variant 7 not found"), "zh-CN") == "找不到变体 7"


BRIEF = """campaign:
  id: err-test
  name: 错误测试
  brand: {name: 小鹿母婴}
  product: {name: 有机婴儿米粉, offer: 满199减50}
segments:
  - {id: new-moms, name: 新手妈妈}
  - nosuch-segment
deliverables:
  - kind: copy
    channel: community
    variants: 99
"""


@pytest.fixture
def zh_ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Cli) -> Path:
    folder = tmp_path / "ws"
    assert cli("init", str(folder))[0] == 0
    monkeypatch.setenv("WORKBENCH_HOME", str(folder))
    monkeypatch.chdir(folder)
    monkeypatch.setenv("WORKBENCH_LANG", "zh-CN")
    (folder / "briefs" / "bad.yaml").write_text(BRIEF, encoding="utf-8")
    return folder


def test_a_zh_cn_operator_reads_brief_errors_in_chinese(zh_ws: Path, cli: Cli) -> None:
    code, _, err = cli("validate", "briefs/bad.yaml")
    lines = err.strip().splitlines()
    assert code == 2
    assert any(
        line.startswith("briefs/bad.yaml:8: segments[1]: 没有「nosuch-segment」这个人群")
        for line in lines
    ), lines
    assert "briefs/bad.yaml:12: deliverables[0].variants: 必须在 1 到 50 之间（现在是 99）" in lines


def test_a_zh_cn_operator_reads_lookup_errors_in_chinese(zh_ws: Path, cli: Cli) -> None:
    code, _, err = cli("jobs", "--campaign", "nosuch")
    assert code == 3 and err.strip() == "错误：找不到活动 'nosuch'：还没有任何活动"
    code, _, err = cli("review", "comment", "1", "--text", "再亲切一点")
    assert code == 3 and err.strip() == "错误：找不到变体 1"
