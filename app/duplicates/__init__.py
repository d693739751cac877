"""Possible duplicate candidates: suggestions, "not the same person" dismissals, and the
recruiter's merge with its 30-day undo ("Split again")."""
