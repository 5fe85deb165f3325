"""The JSON Schema of careernarr's narrative JSON (``narrative-1.schema.json``)."""
