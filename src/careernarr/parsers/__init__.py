"""Built-in parsers, one module per source format."""
