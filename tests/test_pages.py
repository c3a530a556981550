"""The try-it pages: routes, a strict CSP on every page response, and static folders that cannot be escaped."""
import re

import pytest

from tact.api import pages


@pytest.fixture()
def common_dir(app, tmp_path):
    """A stand-in for extension/common/ with a secret file beside it, restored after the test."""
    root = tmp_path / "common"
    root.mkdir()
    (root / "card.js").write_text("export const card = 1;\n")
    (root / "card.css").write_text(".tact-card {}\n")
    (root / ".env").write_text("SECRET=1\n")
    (root / "notes.txt").write_text("private\n")
    (tmp_path / "secret.js").write_text("leaked\n")
    (root / "link.js").symlink_to(tmp_path / "secret.js")
    previous = app.config.get("TACT_COMMON_DIR")
    app.config["TACT_COMMON_DIR"] = str(root)
    yield root
    app.config["TACT_COMMON_DIR"] = previous


@pytest.mark.parametrize("path, marker", [("/", "compose playground"), ("/rules", "rule workbench")])
def test_pages_are_served_as_html(client, path, marker):
    response = client.get(path)
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    assert marker in response.get_data(as_text=True).lower()


@pytest.mark.parametrize("path", ["/", "/rules", "/web/pages.css", "/web/playground.js", "/web/rules.js"])
def test_every_page_response_carries_a_strict_csp(client, path):
    response = client.get(path)
    policy = response.headers["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'" and directives["connect-src"] == "'self'"
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy and "http" not in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_api_responses_are_not_given_the_page_policy(client):
    assert "Content-Security-Policy" not in client.get("/healthz").headers


@pytest.mark.parametrize("page", ["playground.html", "rules.html"])
def test_pages_load_only_local_assets_and_no_inline_script(page):
    html = (pages.WEB_DIR / page).read_text()
    assert not re.search(r"<script(?![^>]*\bsrc=)", html), "inline <script> would be blocked by the CSP"
    assert not re.search(r"\son[a-z]+=", html), "inline event handlers would be blocked by the CSP"
    assert not re.search(r"\sstyle=", html), "inline styles would be blocked by the CSP"
    for url in re.findall(r'(?:src|href)="([^"]+)"', html):
        assert url.startswith(("/", "#")) and not url.startswith("//"), url


def test_every_web_asset_a_page_names_exists(client):
    for page in ("playground.html", "rules.html"):
        for url in re.findall(r'(?:src|href)="(/web/[^"]+)"', (pages.WEB_DIR / page).read_text()):
            assert client.get(url).status_code == 200, url


def test_javascript_is_served_with_a_javascript_type(client):
    response = client.get("/web/playground.js")
    assert response.status_code == 200 and response.mimetype == "text/javascript"


def test_common_files_are_served_unmodified(client, common_dir):
    response = client.get("/common/card.js")
    assert response.status_code == 200 and response.mimetype == "text/javascript"
    assert response.get_data() == (common_dir / "card.js").read_bytes()
    assert client.get("/common/card.css").mimetype == "text/css"


@pytest.mark.parametrize("path", [
    "/common/../secret.js",
    "/common/..%2fsecret.js",
    "/common/%2e%2e/secret.js",
    "/common/..%5csecret.js",
    "/common//etc/passwd",
    "/common/%2fetc%2fpasswd",
    "/common/link.js",
    "/common/.env",
    "/common/notes.txt",
    "/common/missing.js",
    "/common/",
    "/web/../api/pages.py",
    "/web/..%2f..%2fservice.py",
    "/web/%2e%2e/api/pages.py",
])
def test_static_routes_cannot_escape_their_directory(client, common_dir, path):
    response = client.get(path, follow_redirects=True)  # "//" is redirected to "/", still inside
    assert response.status_code == 404, path
    assert b"leaked" not in response.get_data() and b"SECRET" not in response.get_data()
    assert response.get_json()["error"]["code"] == "not_found"


def test_static_routes_are_read_only(client, common_dir):
    for method in (client.post, client.put, client.delete):
        assert method("/common/card.js").status_code == 405
        assert method("/web/pages.css").status_code == 405
    assert (common_dir / "card.js").read_text() == "export const card = 1;\n"


def test_pages_never_echo_request_input(client):
    response = client.get("/?text=<script>alert(1)</script>")
    assert b"alert(1)" not in response.get_data()
