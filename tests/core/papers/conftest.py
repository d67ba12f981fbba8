import importlib.util
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parents[2] / "fixtures" / "metadata"


def load_server_module():
    """tests/fixtures/metadata/server.py, loaded by path (the tests are not a package)."""
    name = "studyapp_test_metadata_server"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, FIXTURES / "server.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


@pytest.fixture
def metadata_server(monkeypatch):
    """The recorded arXiv and Crossref replies on 127.0.0.1; the env points studyapp at it."""
    with load_server_module().recorded_server() as server:
        monkeypatch.setenv("STUDYAPP_ARXIV_API", server.arxiv_api)
        monkeypatch.setenv("STUDYAPP_CROSSREF_API", server.crossref_api)
        yield server
