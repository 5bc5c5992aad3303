"""The councillor's social media companion: API and installable app."""

from __future__ import annotations

import logging

from flask import Flask

from api import cli, errors, pwa
from api.config import load_settings
from api.extensions import api, compress, db, migrate


def create_app(config: dict | None = None) -> Flask:
    """Build the app: settings, extensions, blueprints. Nothing else."""
    app = Flask(__name__, static_folder=None)
    app.config.update(load_settings(config))
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")

    db.init_app(app)
    migrate.init_app(app, db, render_as_batch=True)
    api.init_app(app)
    compress.init_app(app)
    errors.init_app(app)
    pwa.init_app(app)
    cli.init_app(app)

    from api import health
    from api.bundles.routes import blp as councils_blp
    from api.push import blp as push_blp
    from api.push import register_cli as register_push_cli

    api.register_blueprint(councils_blp)
    api.register_blueprint(push_blp)
    register_push_cli(app)
    app.register_blueprint(health.bp)
    app.register_blueprint(pwa.bp)
    return app

