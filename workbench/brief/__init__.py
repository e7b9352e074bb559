"""Briefs: models, YAML loading with line-numbered errors, JSON Schema."""

from workbench.brief.models import Brief, Deliverable, Segment

__all__ = ["Brief", "Deliverable", "Segment"]
