"""Assessment integrations in the staff admin."""
