"""Test and benchmark helpers that ship with the package (no pytest imports here)."""

from workbench.testing.fakebatch import FakeBatchServer
from workbench.testing.fakeserver import FakeLLMServer, Fault, RecordedRequest

__all__ = ["FakeBatchServer", "FakeLLMServer", "Fault", "RecordedRequest"]
