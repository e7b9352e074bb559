"""workbench: an AIGC content workbench for community operators.

The package is a headless core (briefs, prompts, LLM providers, kinds, storage,
generation) with two thin faces: the CLI in ``workbench.cli`` and the Textual TUI in
``workbench.tui``. Nothing outside those two packages imports textual or typer.
"""

__version__ = "0.1.0"
