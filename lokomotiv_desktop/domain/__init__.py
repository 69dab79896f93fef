"""Pure Python: entities, enums, validation and rules. Imports nothing else of ours."""
