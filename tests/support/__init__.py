"""Helpers the tests share (builders, constants, page helpers, the route table of the walks).

Test modules import helpers from here, never from another test module or from a conftest:
pytest owns those (a conftest can be imported twice under two names). Fixtures stay in the
conftest files, which build them from these helpers."""
