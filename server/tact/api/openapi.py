"""The OpenAPI description of the native API, served at /openapi.json."""
from .. import __version__

_ERROR = {"$ref": "#/components/schemas/Error"}


def _errors(*codes):
    return {str(c): {"description": "error", "content": {"application/json": {"schema": _ERROR}}} for c in codes}


OPENAPI = {
    "openapi": "3.0.3",
    "info": {"title": "Tact", "version": __version__,
             "description": "Compose-time linter for client email: tone, blame, vague commitments, time zones."},
    "paths": {
        "/api/v1/check": {
            "post": {
                "summary": "Check a draft",
                "requestBody": {"required": True, "content": {"application/json": {
                    "schema": {"$ref": "#/components/schemas/CheckRequest"}}}},
                "responses": {
                    "200": {"description": "issues found (possibly none)", "content": {"application/json": {
                        "schema": {"$ref": "#/components/schemas/CheckResponse"}}}},
                    **_errors(400, 401, 413, 415, 422, 429),
                },
            }
        },
        "/api/v1/rules": {"get": {"summary": "Rules in force for the caller", "responses": {
            "200": {"description": "rules", "content": {"application/json": {"schema": {
                "type": "object", "required": ["rules"],
                "properties": {"rules": {"type": "array", "items": {"type": "object"}}}}}}},
            **_errors(401)}}},
        "/api/v1/rules/try": {"post": {
            "summary": "Rule playground: validate a rule (JSON `rule` or YAML `yaml`) and run it on `text`; nothing is saved",
            "requestBody": {"required": True, "content": {"application/json": {"schema": {
                "type": "object", "additionalProperties": False, "properties": {
                    "rule": {"type": "object", "description": "one rule, keys as in a rule file"},
                    "yaml": {"type": "string", "maxLength": 65536, "description": "a rule file: rules: [...]"},
                    "text": {"type": "string", "maxLength": 20000}, "html": {"type": "string", "maxLength": 20000},
                    "context": {"$ref": "#/components/schemas/Context"}}}}}},
            "responses": {
                "200": {"description": "matches in the sample text and each example's outcome", "content": {
                    "application/json": {"schema": {"type": "object", "required": ["issues", "examples"], "properties": {
                        "issues": {"type": "array", "items": {"$ref": "#/components/schemas/Issue"}},
                        "examples": {"type": "array", "items": {"type": "object", "properties": {
                            "rule": {"type": "string"}, "expect": {"type": "string", "enum": ["flag", "pass"]},
                            "text": {"type": "string"}, "ok": {"type": "boolean"},
                            "reason": {"type": "string", "nullable": True}}}},
                        "rules": {"type": "array", "items": {"type": "object"}},
                        "warnings": {"type": "array", "items": {"type": "string"}}}}}}},
                **_errors(400, 401, 413, 415, 422),
            }}},
        "/healthz": {"get": {"summary": "Liveness and upstream status", "responses": {
            "200": {"description": "status", "content": {"application/json": {"schema": {"type": "object"}}}}}}},
    },
    "components": {"schemas": {
        "Context": {"type": "object", "additionalProperties": False, "properties": {
            "sender_timezone": {"type": "string", "description": "IANA name"},
            "recipient_timezone": {"type": "string", "description": "IANA name"},
            "sent_at": {"type": "string", "description": "ISO 8601 with offset"},
            "quoted": {"type": "string"}}},
        "CheckRequest": {"type": "object", "additionalProperties": False, "properties": {
            "text": {"type": "string"}, "html": {"type": "string"},
            "context": {"$ref": "#/components/schemas/Context"},
            "categories": {"type": "array", "items": {"type": "string"}},
            "rules": {"type": "array", "items": {"type": "string"}}}},
        "Issue": {"type": "object", "required": [
            "id", "rule", "category", "severity", "message", "explanation", "offset", "length",
            "offset_utf16", "length_utf16", "text", "replacements"], "properties": {
            "id": {"type": "string"}, "rule": {"type": "string"}, "category": {"type": "string"},
            "severity": {"type": "string", "enum": ["error", "warning", "suggestion"]},
            "message": {"type": "string"}, "explanation": {"type": "string"},
            "offset": {"type": "integer", "minimum": 0}, "length": {"type": "integer", "minimum": 0},
            "offset_utf16": {"type": "integer", "minimum": 0}, "length_utf16": {"type": "integer", "minimum": 0},
            "text": {"type": "string"}, "replacements": {"type": "array", "items": {"type": "string"}}}},
        "CheckResponse": {"type": "object", "required": ["issues", "stats", "elapsed_ms"], "properties": {
            "issues": {"type": "array", "items": {"$ref": "#/components/schemas/Issue"}},
            "stats": {"type": "object"}, "elapsed_ms": {"type": "number"}}},
        "Error": {"type": "object", "required": ["error"], "properties": {"error": {
            "type": "object", "required": ["code", "message"], "properties": {
                "code": {"type": "string"}, "message": {"type": "string"},
                "details": {"type": "array", "items": {}}}}}},
    }},
}
