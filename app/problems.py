"""A service's refusal: a code and its parameters, shown to the user as a translated message.

Each feature subclasses :class:`Problem` once and gives it a ``messages`` table of lazy
gettext strings keyed by code (``%(name)s`` placeholders filled from the parameters)::

    class JobError(Problem):
        messages = {"no_title": _l("A job needs a title."),
                    "salary_order": _l("The lowest salary (%(low)s) is above the highest.")}

    raise JobError("no_title")

Views show ``error.message`` (or ``str(error)``): it is rendered in the user's language when
read, never when raised, so a service raising in a worker or a test needs no request. Tests
compare ``error.code``, which does not change with the language or the wording.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar


class Problem(ValueError):
    messages: ClassVar[Mapping[str, Any]] = {}

    def __init__(self, code: str, **params: Any):
        super().__init__(code)
        self.code, self.params = code, params

    @property
    def message(self) -> str:
        template = self.messages.get(self.code)
        if template is None:  # a code without a message is a bug the catalogue test catches
            return self.code
        text = str(template)
        return text % self.params if self.params else text

    def __str__(self) -> str:
        return self.message
