"""The command-line face: parse flags, call one core function, print."""
