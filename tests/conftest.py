import pytest

from tact.engine import CheckRequest, run
from tact.request import parse_check
from tact.service import Service, Settings


@pytest.fixture(scope="session")
def service():
    return Service(Settings())


@pytest.fixture(scope="session")
def app(service):
    from tact.api import create_app

    app = create_app(service=service)
    app.testing = True
    return app


@pytest.fixture()
def client(app):
    return app.test_client()


@pytest.fixture(scope="session")
def check(service):
    """check(text=..., html=..., context={...}) -> CheckResult, with every built-in rule."""

    def run_check(**body):
        return service.check(parse_check(body), service.ruleset)

    return run_check
