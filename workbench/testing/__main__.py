"""``python -m workbench.testing --latency 0.2``: run the fake LLM server in its own process."""

from workbench.testing.fakeserver import main

main()
