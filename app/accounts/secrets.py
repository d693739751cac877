"""Moved to ``app.secrets`` (secrets at rest are core: every feature stores some). This name
stays until the last importer is updated."""

from app.secrets import SecretError, decrypt, encrypt, mask  # noqa: F401
