"""The native JSON API: /api/v1/check, /api/v1/rules, /healthz, /openapi.json."""
from __future__ import annotations

import json

from flask import Blueprint, current_app, jsonify, request

from ..request import InputError, parse_check
from .openapi import OPENAPI

blueprint = Blueprint("native", __name__)


def service():
    return current_app.extensions["tact"]


def json_body():
    """The request's JSON body, or an InputError saying what is wrong with it."""
    if not request.mimetype or request.mimetype != "application/json":
        raise InputError(415, "unsupported_media_type", "send the body as JSON with Content-Type: application/json")
    body = request.get_data(cache=True)
    try:
        return json.loads(body)
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        raise InputError(400, "malformed_json", f"the body is not valid JSON ({type(exc).__name__})") from None


@blueprint.post("/api/v1/check")
def check():
    ruleset = service().ruleset_for(request.headers.get("Authorization"))
    result = service().check(parse_check(json_body()), ruleset)
    return jsonify(result.to_json())


@blueprint.get("/api/v1/rules")
def rules():
    ruleset = service().ruleset_for(request.headers.get("Authorization"))
    return jsonify({"rules": [r.describe() for r in ruleset.rules]})


@blueprint.get("/healthz")
def healthz():
    return jsonify(service().health())


@blueprint.get("/openapi.json")
def openapi():
    return jsonify(OPENAPI)
