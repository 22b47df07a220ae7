"""Command line: argument parsing and printing only; each command calls a library function."""
