"""Schemathesis against /openapi.json: generated requests (valid and invalid by the schema) for
every operation; no 500, and every status, content type and response body as documented."""
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from tact.api import create_app
from tact.service import Service, Settings

# A session fixture cannot feed a module-level schema, so the app is built here once.
schema = schemathesis.openapi.from_wsgi("/openapi.json", create_app(service=Service(Settings())))
# Both what the schema allows and what it forbids (wrong types, missing fields, extra keys).
schema.config.generation.update(modes=list(schemathesis.GenerationMode), allow_x00=True)
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_operation_answers_as_documented(case):
    case.call_and_validate(checks=CHECKS)
