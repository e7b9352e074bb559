"""Few-shot example entries take every content kind the workbench has (``workbench.kinds``)."""

from __future__ import annotations

import pytest

from workbench.errors import InputError
from workbench.kinds import KINDS
from workbench.prompting.examples import parse_example


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_content_kind_takes_examples(kind: str) -> None:
    example = parse_example({"kind": kind, "output": {"body": "到店领券"}}, "mine.yaml")
    assert example.kind == kind and example.id == f"{kind}-any"


def test_an_unknown_kind_names_every_known_one() -> None:
    with pytest.raises(InputError) as info:
        parse_example({"kind": "banner", "output": {"body": "x"}}, "mine.yaml")
    message = str(info.value)
    assert message.startswith("mine.yaml: kind: must be one of ")
    assert all(kind in message for kind in KINDS)
