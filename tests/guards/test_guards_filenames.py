"""File names from operators' names (#18): Chinese kept, nothing a file system or a zip
tool mangles, NFC, capped in bytes; and the exports named that way."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from workbench.cli.main import run
from workbench.guards.filenames import MAX_BYTES, safe_name

NAME = "春季/会员日: 特惠 专场"


def test_a_chinese_name_with_separators_stays_readable() -> None:
    assert safe_name(NAME) == "春季-会员日-特惠-专场"
    assert safe_name('a\\b*c?"d<e>f|g\x00h\ni\tj') == "a-b-c-d-e-f-g-h-i-j"
    assert safe_name("..") == "x" and safe_name("  ") == "x" and safe_name("CON.txt") == "x-CON.txt"


def test_names_are_nfc_and_capped_without_cutting_a_character() -> None:
    decomposed = unicodedata.normalize("NFD", "Café 咖啡")
    assert safe_name(decomposed) == unicodedata.normalize("NFC", "Café-咖啡")
    long = safe_name("会员日" * 100)
    assert len(long.encode("utf-8")) <= MAX_BYTES and set(long) <= set("会员日")


BRIEF = f"""campaign:
  name: "{NAME}"
  brand: {{name: 小鹿母婴}}
  product: {{name: 有机婴儿米粉, price: 89, offer: 满199减50}}
segments:
  - {{id: new-moms, name: 新手妈妈, description: 第一次买辅食}}
deliverables:
  - kind: copy
    channel: community
    variants: 1
"""


def test_exports_of_such_a_campaign_get_safe_chinese_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "ws"
    assert run(["init", str(folder)]) == 0
    monkeypatch.setenv("WORKBENCH_HOME", str(folder))
    monkeypatch.chdir(folder)
    (folder / "briefs" / "spring.yaml").write_text(BRIEF, encoding="utf-8")
    assert run(["generate", "briefs/spring.yaml", "--offline"]) == 0
    assert run(["review", "approve", "1"]) == 0
    assert run(["export", "1", "--format", "csv"]) == 0
    assert run(["export", "1", "--format", "pack"]) == 0
    capsys.readouterr()
    written = sorted(p.name for p in (folder / "output" / "exports").iterdir())
    assert written == ["春季-会员日-特惠-专场-pack", "春季-会员日-特惠-专场-review.csv"]
    pack = folder / "output" / "exports" / "春季-会员日-特惠-专场-pack"
    assert (pack / "index.html").is_file() and list(pack.rglob("*.txt"))
