"""Job boards (TopCV): the connection, postings and inbound board events."""
