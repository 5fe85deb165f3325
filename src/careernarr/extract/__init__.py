"""Extraction: time expressions, events and reflections, found by rules that explain themselves."""
