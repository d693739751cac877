"""Assessments in the recruiter admin."""
