"""The Flask app factory: configuration in one object, errors turned into JSON in one place."""
from __future__ import annotations

import traceback

from flask import Flask, jsonify
from werkzeug.exceptions import HTTPException

from ..request import InputError
from ..service import Service, Settings
from . import languagetool, limits, native, pages, playground


def create_app(settings: Settings | None = None, service: Service | None = None) -> Flask:
    service = service or Service(settings or Settings.from_env())
    app = Flask("tact")
    app.config["MAX_CONTENT_LENGTH"] = service.settings.max_body_bytes
    app.extensions["tact"] = service
    app.register_blueprint(native.blueprint)
    app.register_blueprint(languagetool.blueprint)
    app.register_blueprint(pages.blueprint)
    app.register_blueprint(playground.blueprint)
    limits.install(app)

    @app.errorhandler(InputError)
    def input_error(exc: InputError):
        return jsonify(exc.to_json()), exc.status

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        codes = {400: "bad_request", 404: "not_found", 405: "method_not_allowed", 413: "too_large",
                 415: "unsupported_media_type", 429: "rate_limited"}
        message = exc.description if exc.code != 413 else (
            f"the request body is larger than {service.settings.max_body_bytes} bytes")
        return jsonify({"error": {"code": codes.get(exc.code, "http_error"), "message": message}}), exc.code

    @app.errorhandler(Exception)
    def unexpected(exc: Exception):
        # Where it failed, but not the exception's message: that may quote the draft.
        app.logger.error("unexpected error (%s)\n%s", type(exc).__name__, "".join(traceback.format_tb(exc.__traceback__)))
        return jsonify({"error": {"code": "internal", "message": "internal error; the draft was not stored"}}), 500

    return app
