"""The workspace segment library and the packaged default library."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.brief.loader import load_brief_text
from workbench.brief.models import Segment
from workbench.errors import InputError
from workbench.segments import SegmentLibrary, default_library_path

EXAMPLE_IDS = {"new-moms", "dormant-vip", "office-workers", "students"}


def test_packaged_library_is_valid_and_chinese() -> None:
    library = SegmentLibrary.packaged()
    assert library.path == default_library_path()
    assert 5 <= len(library) <= 6
    assert set(library.ids()) >= EXAMPLE_IDS
    for segment in library:
        assert isinstance(segment, Segment)
        assert segment.description and segment.tone and segment.lifecycle
        assert segment.interests and segment.pain_points and segment.rfm is not None
        # Simplified Chinese names and descriptions.
        assert any("\u4e00" <= ch <= "\u9fff" for ch in segment.name + segment.description)


def test_get_ids_iter_contains() -> None:
    library = SegmentLibrary.packaged()
    moms = library.get("new-moms")
    assert moms is not None and moms.name == "新手妈妈"
    assert library.get("nobody") is None
    assert "dormant-vip" in library and "nobody" not in library
    assert [s.id for s in library] == library.ids()
    # get() returns a copy: changing it does not change the library.
    moms.tone = "changed"
    again = library.get("new-moms")
    assert again is not None and again.tone != "changed"


def test_missing_and_empty_files_are_empty_libraries(tmp_path: Path) -> None:
    assert len(SegmentLibrary.load(tmp_path / "segments.yaml")) == 0
    (tmp_path / "segments.yaml").write_text("# none yet\n", encoding="utf-8")
    assert SegmentLibrary.load(tmp_path / "segments.yaml").ids() == []


def test_library_segments_resolve_in_briefs(tmp_path: Path) -> None:
    path = tmp_path / "segments.yaml"
    path.write_text(
        "segments:\n  - id: vip\n    name: 高价值会员\n    lifecycle: mature\n", encoding="utf-8"
    )
    library = SegmentLibrary.load(path)
    brief = (
        "campaign:\n  name: x\n  brand: {name: b}\n  product: {name: p}\n"
        "segments: [vip]\ndeliverables:\n  - {kind: copy, channel: sms}\n"
    )
    loaded = load_brief_text(brief, "b.yaml", library)
    assert loaded.brief.segments[0] == library.get("vip")


BAD_LIBRARIES: list[tuple[str, str, list[str]]] = [
    (
        "list root",
        "- id: a\n  name: A\n",
        ["{path}:1: expected a mapping with a 'segments:' list at the top, found a list"],
    ),
    (
        "unknown key",
        "segments:\n  - id: a\n    name: A\n    tones: x\n",
        ["{path}:4: segments[0].tones: unknown key 'tones' (did you mean 'tone'?)"],
    ),
    (
        "missing name",
        "segments:\n  - id: a\n  - id: b\n    name: B\n",
        ["{path}:2: segments[0].name: required field is missing"],
    ),
    (
        "duplicate ids",
        "segments:\n  - id: a\n    name: A\n  - id: a\n    name: B\n",
        ["{path}:4: segments[1].id: duplicate segment id 'a' (already used by segments[0])"],
    ),
    (
        "bad rfm level",
        "segments:\n  - id: a\n    name: A\n    rfm: {recency: top}\n",
        ["{path}:4: segments[0].rfm.recency: must be one of: low, mid, high (got 'top')"],
    ),
    (
        "top-level typo",
        "segment:\n  - id: a\n    name: A\n",
        ["{path}:1: segment: unknown key 'segment' (did you mean 'segments'?)"],
    ),
    (
        "duplicate key",
        "segments:\n  - id: a\n    name: A\n    name: B\n",
        ["{path}:4: segments[0].name: duplicate key 'name' (first defined on line 3)"],
    ),
    (
        "syntax error",
        "segments:\n  - id: a\n   name: A\n",
        ["{path}:3: YAML syntax error: indentation does not line up with the lines above"],
    ),
    (
        "bad id",
        "segments:\n  - id: '-a b'\n    name: A\n",
        [
            "{path}:2: segments[0].id: must be 1-64 letters, digits, '-', '_' or '.', "
            "not starting with one"
        ],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in BAD_LIBRARIES], ids=[c[0] for c in BAD_LIBRARIES]
)
def test_bad_library_files(tmp_path: Path, text: str, expected: list[str]) -> None:
    path = tmp_path / "segments.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        SegmentLibrary.load(path)
    assert str(caught.value).splitlines() == [e.format(path=path) for e in expected]


def test_binary_library_file(tmp_path: Path) -> None:
    path = tmp_path / "segments.yaml"
    path.write_bytes(b"\x00\x01")
    with pytest.raises(InputError, match="binary file"):
        SegmentLibrary.load(path)


def test_duplicate_ids_rejected_in_code() -> None:
    with pytest.raises(ValueError, match="duplicate segment id 'a'"):
        SegmentLibrary([Segment(id="a", name="A"), Segment(id="a", name="B")])
