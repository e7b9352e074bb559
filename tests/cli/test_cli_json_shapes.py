"""The public ``--json`` shapes of ``variants``, ``ab`` and ``audit`` against a golden file.

A shape is the JSON with every value replaced by its type; lists become the sorted set of
their elements' shapes. The test fails when a key recorded in
``golden/json_shapes.json`` is renamed, removed, moved, or changes type; new keys may be
added (the contract of ``docs/ARCHITECTURE.md``). ``WB_WRITE_GOLDEN=1`` rewrites the golden
file from today's output (do it only for a deliberate, documented addition).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from workbench.cli.main import run

GOLDEN = Path(__file__).parent / "golden" / "json_shapes.json"
CAMPAIGN = "member-day-2026-03"


def shape(value: Any) -> Any:
    """Objects keep their keys in order, lists merge their elements' shapes into one (a key
    some elements lack ends with ``?``), scalars become their type names (``int|null``)."""
    if isinstance(value, dict):
        return {k: shape(v) for k, v in value.items()}
    if isinstance(value, list):
        merged: Any = None
        for item in value:
            merged = shape(item) if merged is None else merge(merged, shape(item))
        return {"[]": merged}
    return "null" if value is None else type(value).__name__


def _plain(key: str) -> str:
    return key.removesuffix("?")


def merge(a: Any, b: Any) -> Any:
    if a is None or b is None:
        return a if b is None else b
    if isinstance(a, str) and isinstance(b, str):
        return "|".join(sorted(set(a.split("|")) | set(b.split("|"))))
    if isinstance(a, dict) and isinstance(b, dict):
        if set(a) == {"[]"} or set(b) == {"[]"}:
            return {"[]": merge(a.get("[]"), b.get("[]"))} if set(a) == set(b) else "mixed"
        out: dict[str, Any] = {}
        for key in [*a, *(k for k in b if k not in a)]:
            name = _plain(key)
            left = a.get(name, a.get(name + "?"))
            right = b.get(name, b.get(name + "?"))
            required = name in a and name in b
            if not required and (name + "?" in out or name in out):
                continue
            out[name if required else name + "?"] = merge(left, right)
        return out
    return "mixed"


def covers(golden: Any, actual: Any, path: str = "$") -> list[str]:
    """Where ``actual`` lacks, reorders or retypes what ``golden`` records."""
    if golden is None or actual is None:  # an empty list: nothing to compare
        return []
    if isinstance(golden, str):
        if not isinstance(actual, str):
            return [f"{path}: a structure instead of {golden}"]
        want, have = set(golden.split("|")) - {"null"}, set(actual.split("|")) - {"null"}
        return (
            [f"{path}: {actual} instead of {golden}"] if want and have and not want & have else []
        )
    if not isinstance(actual, dict):
        return [f"{path}: {actual} instead of a structure"]
    if set(golden) == {"[]"}:
        if set(actual) != {"[]"}:
            return [f"{path}: an object instead of a list"]
        return covers(golden["[]"], actual["[]"], f"{path}[]")
    problems = []
    names = {_plain(k): k for k in actual}
    for key, sub in golden.items():
        name = _plain(key)
        if name not in names:
            if not key.endswith("?"):
                problems.append(f"{path}.{name}: missing")
            continue
        problems += covers(sub, actual[names[name]], f"{path}.{name}")
    required = [k for k in golden if not k.endswith("?")]
    order = [k for k in actual if k in required]
    if order != [k for k in required if k in order]:
        problems.append(f"{path}: key order {order} instead of {required}")
    return problems


def test_json_shapes_keep_their_golden_keys(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def cli_json(*args: str) -> Any:
        capsys.readouterr()
        code = run(list(args))
        captured = capsys.readouterr()
        assert code == 0, captured.err
        return json.loads(captured.out)

    monkeypatch.chdir(tmp_path)
    assert run(["init", str(tmp_path)]) == 0
    assert run(["generate", str(tmp_path / "briefs" / "member-day.yaml"), "--offline"]) == 0
    got: dict[str, Any] = {"variants list": cli_json("variants", "list", "--json")}
    got["variants show"] = cli_json(
        "variants", "show", str(got["variants list"][0]["id"]), "--json"
    )
    created = cli_json(
        "ab", "create", "--campaign", CAMPAIGN, "--segment", "new-moms",
        "--deliverable", "1", "--weights", "1,1", "--include-drafts", "--json",
    )  # fmt: skip
    got["ab create"] = created
    eid = str(created[0]["id"])
    got["ab list"] = cli_json("ab", "list", "--json")
    (tmp_path / "users.csv").write_text("user_id\n" + "".join(f"u{i}\n" for i in range(50)))
    got["ab assign"] = cli_json("ab", "assign", eid, "--users", "users.csv", "--json")
    a, b = created[0]["arms"]
    (tmp_path / "r.csv").write_text(
        "variant_id,date,impressions,clicks,conversions\n"
        f"{a['variant_id']},2026-03-10,3000,600,300\n"
        f"{b['variant_uid']},2026-03-10,3000,700,420\n"
    )
    got["ab import"] = cli_json("ab", "import", "r.csv", "--json")
    got["ab report"] = cli_json("ab", "report", eid, "--json")
    got["ab size"] = cli_json("ab", "size", "--baseline", "0.2", "--mde", "0.05", "--json")
    assert run(["review", "approve", str(b["variant_id"]), "--reason", "ok"]) == 0
    assert run(["ab", "promote", eid]) == 0
    got["ab pitfalls"] = cli_json("ab", "pitfalls", "--json")
    got["audit variant"] = cli_json("audit", str(b["variant_id"]), "--json")
    got["audit campaign"] = cli_json("audit", "--campaign", CAMPAIGN, "--json")
    shapes = {name: shape(value) for name, value in got.items()}
    if os.environ.get("WB_WRITE_GOLDEN") == "1":
        GOLDEN.write_text(json.dumps(shapes, ensure_ascii=False, indent=1) + "\n", "utf-8")
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert set(golden) == set(shapes)
    problems = [f"{name}: {p}" for name in golden for p in covers(golden[name], shapes[name])]
    assert not problems, "\n".join(problems)


def test_the_shape_check_catches_renames_removals_and_types() -> None:
    golden = shape({"id": 1, "arms": [{"rate": 0.5, "note": None}, {"rate": 1.0}], "name": "x"})
    assert golden == {
        "id": "int",
        "arms": {"[]": {"rate": "float", "note?": "null"}},
        "name": "str",
    }
    same = {"id": 2, "arms": [{"rate": 0.1, "note": "y"}], "name": "z", "added": [1]}
    assert covers(golden, shape(same)) == []
    assert covers(golden, shape({"id": 2, "arms": [], "name": "z"})) == []
    assert covers(golden, shape({"id": "2", "arms": [], "name": "z"})) == [
        "$.id: str instead of int"
    ]
    assert covers(golden, shape({"name": "z", "id": 2, "arms": []})) == [
        "$: key order ['name', 'id', 'arms'] instead of ['id', 'arms', 'name']"
    ]
    assert covers(golden, shape({"id": 2, "arms": [{"note": None}], "name": "z"})) == [
        "$.arms[].rate: missing"
    ]
    assert covers(golden, shape({"id": 2, "arms": {"rate": 1.0}, "name": "z"})) == [
        "$.arms: an object instead of a list"
    ]
