"""Questions asked of the store. Each returns plain dataclasses (`to_plain` gives JSON)."""
