"""Catalog strings print as written: Rich never eats ``[llm]`` or a value's brackets."""

from __future__ import annotations

import io
import string

import pytest

from workbench.cli.safeconsole import ConsoleCatalog, SafeConsole
from workbench.i18n import CATALOG, LANGUAGES


class _Value:
    """Fills any placeholder, whatever its format spec (``{seconds:.1f}`` included)."""

    def __format__(self, spec: str) -> str:
        return "[v]"


def _values(template: str) -> dict[str, object]:
    names = {name for _, name, _, _ in string.Formatter().parse(template) if name}
    return dict.fromkeys(names, _Value())


def _console() -> tuple[SafeConsole, io.StringIO]:
    buffer = io.StringIO()
    return SafeConsole(file=buffer, width=1000, highlight=False, soft_wrap=True), buffer


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_catalog_string_prints_as_written(language: str) -> None:
    t = ConsoleCatalog(language)
    wrong = []
    for key, texts in CATALOG.items():
        template = texts[LANGUAGES.index(language)]
        values = _values(template)
        expected = template.format(**values) if values else template
        console, buffer = _console()
        console.print(t(key, **values))
        console.print(f"[bold]{t(key, **values)}[/bold]")
        printed = buffer.getvalue().splitlines()
        if [line.rstrip() for line in printed] != [expected.rstrip()] * 2:
            wrong.append((key, printed))
    assert not wrong


def test_llm_offline_keeps_the_section_name() -> None:
    console, buffer = _console()
    console.print(ConsoleCatalog("zh-CN")("llm.offline"))
    assert "workbench.toml 的 [llm] 配置端点" in buffer.getvalue()


def test_markup_written_by_code_still_styles() -> None:
    buffer = io.StringIO()
    console = SafeConsole(
        file=buffer, force_terminal=True, color_system="standard", highlight=False
    )
    console.print(f"[bold]{ConsoleCatalog('en-US')('llm.offline')}[/bold]")
    written = buffer.getvalue()
    assert "\x1b[1m" in written and "[llm]" in written
