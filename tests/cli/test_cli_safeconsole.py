"""Terminal output never carries control characters from content, nor secrets."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from helpers_guards import CAMPAIGN, open_store, small_workspace

from workbench.cli.main import run
from workbench.cli.safeconsole import SafeConsole
from workbench.guards.redact import forget_secrets, register_secret


def test_printed_text_shows_escapes_instead_of_running_them() -> None:
    buffer = io.StringIO()
    console = SafeConsole(
        file=buffer, force_terminal=True, color_system="standard", highlight=False
    )
    console.print("[bold]ok[/bold] a\x1b]0;pwn\x07b\x9b2J")
    written = buffer.getvalue()
    assert "\\x1b]0;pwnb\\x9b2J" in written  # Rich itself drops BEL
    assert "\x1b]0" not in written and "\x9b" not in written
    assert "\x1b[1m" in written  # Rich's own styling still works


def test_printed_text_masks_secrets() -> None:
    register_secret("sk-test-0123456789")
    try:
        buffer = io.StringIO()
        SafeConsole(file=buffer).print("key sk-test-0123456789 at http://u:p@h/v1")
        assert buffer.getvalue().strip() == "key *** at http://***@h/v1"
    finally:
        forget_secrets()


def test_variants_show_of_a_poisoned_variant(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = small_workspace(tmp_path, monkeypatch)
    with open_store(folder) as store:
        vid = int(store.variants.rows(campaign=CAMPAIGN)[0].id)
        store._conn.execute("DROP TRIGGER variants_content_frozen")  # direct SQL can
        store._conn.execute(
            "UPDATE variants SET content = json_set(content, '$.text', ?) WHERE id = ?",
            ("标题\x1b]2;owned\x07尾", vid),
        )
    assert run(["variants", "show", str(vid)]) == 0
    shown = capsys.readouterr().out
    assert "\x1b]2" not in shown and "\\x1b]2;owned尾" in shown
    assert run(["variants", "show", str(vid), "--json"]) == 0
    assert "\x1b" not in capsys.readouterr().out
