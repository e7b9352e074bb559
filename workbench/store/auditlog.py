"""One row of the append-only audit trail (the ``reviews`` table), as the store reads it.

``AuditEntry.to_json()`` is the ``audit --json`` object (keys and order as they have always
been); ``data`` stays the decoded JSON column (what the action recorded: the review step,
an override, an export's format and path, a run id). Key access (``entry["action"]``,
``entry.get("data")``) reads the same names as the JSON, for code and tests written against
that shape; new code uses the attributes.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

AUDIT_COLUMNS = """r.id, r.variant_id, r.campaign_id, r.actor, r.action, r.from_status,
    r.to_status, r.comment, r.data, r.created_at AS at"""


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """Who did what to which variant (or campaign), when, and what it recorded."""

    action: str
    """``generate``, ``approve``, ``reject``, ``request_changes``, ``edit``, ``fix``,
    ``export``, ``import``, ``ab_promote``, ..."""
    actor: str
    """Who: the reviewer's name, or the operator's for generate and export."""
    data: dict[str, Any] | None = None
    """What the action recorded (the decoded ``data`` column, a JSON object; None only in a
    row written without one)."""
    id: int = 0
    """The row id (0 for an entry planned in memory and not written yet)."""
    variant_id: int | None = None
    """The variant version it is about; None for a campaign-wide action (an export)."""
    campaign_id: str = ""
    """The campaign."""
    from_status: str | None = None
    """The status before (None when the action did not start from one)."""
    to_status: str | None = None
    """The status after."""
    comment: str | None = None
    """The reviewer's comment or override reason."""
    at: str = ""
    """When, ISO 8601 in UTC."""

    @property
    def step(self) -> str | None:
        """The review step an approval was for."""
        step = (self.data or {}).get("step")
        return str(step) if step else None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> AuditEntry:
        """An entry from a row of ``AUDIT_COLUMNS`` whose ``data`` is already decoded."""
        return cls(
            id=int(row["id"]),
            variant_id=None if row["variant_id"] is None else int(row["variant_id"]),
            campaign_id=str(row["campaign_id"] or ""),
            actor=str(row["actor"] or ""),
            action=str(row["action"]),
            from_status=row["from_status"],
            to_status=row["to_status"],
            comment=row["comment"],
            data=row["data"],
            at=str(row["at"] or ""),
        )

    def to_json(self) -> dict[str, Any]:
        """The ``audit --json`` object."""
        return {
            "id": self.id,
            "variant_id": self.variant_id,
            "campaign_id": self.campaign_id,
            "actor": self.actor,
            "action": self.action,
            "from_status": self.from_status,
            "to_status": self.to_status,
            "comment": self.comment,
            "data": self.data,
            "at": self.at,
        }

    def __getitem__(self, key: str) -> Any:
        if key not in _NAMES:
            raise KeyError(key)
        return getattr(self, key)

    def get(self, key: str, default: Any = None) -> Any:
        return getattr(self, key) if key in _NAMES else default


_NAMES = frozenset(f.name for f in fields(AuditEntry))
