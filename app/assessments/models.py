"""Assessment orders and results (filled in by the assessments feature)."""

__all__: list[str] = []
