"""gunicorn's own loggers (access and error) with the app's redaction.

gunicorn writes its access and error lines through the ``gunicorn.access`` and
``gunicorn.error`` loggers, which do not propagate to the root logger where the app's
``RedactSecrets`` filter sits: EMREX invite, data-export and résumé links would reach the
access log in clear. ``gunicorn.conf.py`` names this class as ``logger_class``."""

from __future__ import annotations

from gunicorn.glogging import Logger

from app.logredact import RedactSecrets


class RedactingLogger(Logger):
    def setup(self, cfg) -> None:
        super().setup(cfg)
        # On the loggers rather than their handlers: it holds for any handler (file, stdout,
        # syslog, a logconfig_dict) and survives a reload that replaces them.
        for log in (self.error_log, self.access_log):
            if not any(isinstance(f, RedactSecrets) for f in log.filters):
                log.addFilter(RedactSecrets())
