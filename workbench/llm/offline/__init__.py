"""Offline composer: brief-driven content without a model, labelled as offline output."""

from __future__ import annotations

from workbench.llm.offline.composer import OfflineComposer, compose

__all__ = ["OfflineComposer", "compose"]
