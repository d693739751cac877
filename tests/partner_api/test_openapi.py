"""The /partner/v1 endpoints against openapi/partner-v1.yaml, driven by Schemathesis.

1. Schemathesis generates requests from the schema (valid and invalid) and checks every
   answer is documented, conforms to its schema and is never a 5xx. Path external IDs are
   swapped for real integrations' so requests get past the 404 to signature checks.
Signed fuzzing of the processing path lives in tests/boards/test_fuzz.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from tests.support.boards import connect

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "openapi" / "partner-v1.yaml"
DOCUMENTED = {200, 202, 400, 401, 404, 410, 413, 415, 429}


SCHEMA = schemathesis.openapi.from_path(SCHEMA_PATH)
OPERATIONS = [result.ok() for result in SCHEMA.get_all_operations()]


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda op: op.label)
def test_answers_conform_to_the_schema(app, make, operation):
    """Generated requests (valid and not) get documented, conforming answers, never a 5xx."""
    from hypothesis import given

    integration = connect(make.company("fuzz-co"))

    @given(case=operation.as_strategy())
    @settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
    def run(case):
        if "external_id" in (case.path_parameters or {}):
            case.path_parameters["external_id"] = integration.external_id
        response = case.call(app=app)
        assert response.status_code in DOCUMENTED, response.text
        case.validate_response(response)

    run()
