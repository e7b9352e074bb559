"""CLI start-up stays light: the model client stack loads only when a model is called.

``workbench --version``, ``validate`` and every offline command pay for what they import at
start-up; openai + langchain alone cost about 2 s of CPU. A module that imports them at the
top level and is itself imported by the CLI's command modules puts that on every command.
"""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("openai", "langchain_openai", "langchain_core", "httpx", "textual", "jieba")


def test_importing_the_cli_loads_no_model_client_ui_or_segmenter() -> None:
    code = (
        f"import sys, workbench.cli.main\nprint(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip() == ""
