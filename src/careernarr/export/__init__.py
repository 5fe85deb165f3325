"""Exporters: JSON, Markdown and timelines, one module per output format."""
