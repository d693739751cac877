"""Job boards in the recruiter admin."""
