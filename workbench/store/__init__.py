"""The SQLite store: one ``Store`` object, plain records in, plain dicts out."""

from workbench.store.records import (
    GenerationRecord,
    JobRecord,
    VariantRecord,
    scrub_settings,
    variant_uid,
)
from workbench.store.store import Store

__all__ = [
    "GenerationRecord",
    "JobRecord",
    "Store",
    "VariantRecord",
    "scrub_settings",
    "variant_uid",
]
