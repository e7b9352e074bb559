"""``workbench review regenerate ID --style S [--framework F]``: the Workbench call the TUI
makes, printed; bad choices are one-line errors with nothing written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_testkit import Cli

from workbench.cli.main import run
from workbench.store import Store
from workbench.store.variantrecord import Variant

BRIEF = """campaign:
  id: regen-cli
  name: 会员日
  brand: {name: 小鹿母婴}
  product: {name: 有机婴儿米粉, price: 89, offer: 满199减50, selling_points: [有机认证]}
segments:
  - {id: new-moms, name: 新手妈妈, description: 第一次买辅食}
deliverables:
  - {kind: copy, channel: community, variants: 1, styles: [instruction]}
  - {kind: title, channel: xiaohongshu, variants: 2}
"""


def _variants(folder: Path) -> list[Variant]:
    with Store.open(folder / "workbench.db") as store:
        return store.variants.rows(campaign="regen-cli")


@pytest.fixture
def folder(ws: Path) -> Path:
    (ws / "briefs" / "regen.yaml").write_text(BRIEF, encoding="utf-8")
    assert run(["generate", "briefs/regen.yaml", "--offline"]) == 0
    return ws


def test_regenerate_makes_a_new_variant_then_finds_it(folder: Path, cli: Cli) -> None:
    before = _variants(folder)
    source = next(v for v in before if v.kind == "copy")
    code, out, _ = cli("review", "regenerate", str(source.id), "--style", "specific",
        "--framework", "fabe", "--offline", "--reviewer", "ana", "--json",
    )  # fmt: skip
    assert code == 0
    done = json.loads(out)
    assert done["source_id"] == source.id and done["cached"] is False
    after = {v.id: v for v in _variants(folder)}
    assert len(after) == len(before) + 1
    (new_id,) = done["new_ids"]
    assert (after[new_id].style, after[new_id].framework) == ("specific", "fabe")
    assert after[source.id].content == source.content

    code, out, _ = cli("review", "regenerate", source.uid, "--style", "specific",
        "--framework", "fabe", "--offline",
    )  # fmt: skip
    assert code == 0
    assert out.strip() == f"Already generated: #{new_id} (add --fresh for a new take)"
    code, out, _ = cli("review", "regenerate", str(source.id), "--style", "specific",
        "--framework", "fabe", "--offline", "--fresh",
    )  # fmt: skip
    assert code == 0 and out.startswith(f"Variant {source.id} regenerated as #")
    assert len(_variants(folder)) == len(before) + 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--style", "loud"], "regenerate: style: unknown style 'loud'"),
        (["--style", "specific", "--framework", "xyz"], "regenerate: framework: unknown"),
        (["--style", "agent", "--framework", "pas"], "frameworks apply to copy, not to title"),
    ],
)
def test_bad_choices_are_one_line_errors_and_write_nothing(
    folder: Path, cli: Cli, args: list[str], message: str
) -> None:
    before = _variants(folder)
    title = next(v for v in before if v.kind == "title")
    code, _, err = cli("review", "regenerate", str(title.id), *args, "--offline")
    assert code == 2
    assert message in err and len(err.strip().splitlines()) == 1
    assert _variants(folder) == before


def test_an_unknown_variant_is_not_found(folder: Path, cli: Cli) -> None:
    code, _, err = cli("review", "regenerate", "99999", "--style", "specific")
    assert code != 0 and "99999" in err and len(err.strip().splitlines()) == 1
