"""Generation: expand briefs into jobs and run them concurrently, resumably."""
