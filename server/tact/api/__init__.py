"""HTTP surfaces: one Flask blueprint each, created by `create_app`."""
from .app import create_app

__all__ = ["create_app"]
