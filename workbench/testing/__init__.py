"""Test and benchmark helpers that ship with the package (no pytest imports here)."""

from workbench.testing.fakeserver import FakeLLMServer, Fault, RecordedRequest

__all__ = ["FakeLLMServer", "Fault", "RecordedRequest"]
