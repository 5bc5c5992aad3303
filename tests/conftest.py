"""Fixtures: a fresh migrated SQLite database per test, the app, its client and CLI runner."""

from __future__ import annotations

import shutil
from pathlib import Path

import flask_migrate
import pytest

from api import create_app
from api.extensions import db

ROOT = Path(__file__).resolve().parent.parent


def settings_for(database: Path, instance: Path, **extra) -> dict:
    """Return test settings: a given SQLite file, a throwaway instance folder."""
    return {
        "APP_ENV": "test",
        "TESTING": True,
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{database}",
        "INSTANCE_PATH": str(instance),
        **extra,
    }


@pytest.fixture(scope="session")
def migrated_database(tmp_path_factory) -> Path:
    """Run every migration once into a template database that each test copies."""
    folder = tmp_path_factory.mktemp("template")
    template = folder / "template.db"
    app = create_app(settings_for(template, folder))
    with app.app_context():
        flask_migrate.upgrade(directory=str(ROOT / "migrations"))
        db.engine.dispose()
    return template


@pytest.fixture
def rules_dir(tmp_path) -> Path:
    """A private copy of shared_rules/ that a test may change."""
    target = tmp_path / "shared_rules"
    shutil.copytree(ROOT / "shared_rules", target,
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    return target


@pytest.fixture
def app(migrated_database, tmp_path, rules_dir):
    database = tmp_path / "test.db"
    shutil.copyfile(migrated_database, database)
    app = create_app(settings_for(database, tmp_path, RULES_DIR=str(rules_dir)))
    with app.app_context():
        yield app
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def imported(app):
    """Import every council in shared_rules/ and return the results."""
    from api.services.bundles import import_all

    return import_all()
