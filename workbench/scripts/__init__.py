"""Script exports: SRT subtitles, shooting and run sheets (Markdown, CSV, XLSX), teleprompter."""

from __future__ import annotations

from workbench.scripts.export import (
    FORMATS,
    TEXT_FORMATS,
    CampaignExport,
    Exported,
    export_campaign,
    export_variant,
)

__all__ = [
    "FORMATS",
    "TEXT_FORMATS",
    "CampaignExport",
    "Exported",
    "export_campaign",
    "export_variant",
]
