"""Assessment vendor → Haku calls (PARTNERS.md §2.3). Built by the assessments feature."""
