"""Settings: production refuses to start without a secret and says what to set."""

import pytest

from api.config import SettingsError, load_settings


def test_production_without_a_secret_stops_with_what_to_set(monkeypatch, tmp_path):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.setenv("APP_ENV", "production")
    monkeypatch.setenv("INSTANCE_PATH", str(tmp_path))
    with pytest.raises(SettingsError, match="SECRET_KEY"):
        load_settings()


def test_the_instance_secret_file_is_used(monkeypatch, tmp_path):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.setenv("APP_ENV", "production")
    (tmp_path / "secret_key").write_text("from-the-instance\n")
    assert load_settings({"INSTANCE_PATH": str(tmp_path)})["SECRET_KEY"] == "from-the-instance"


def test_database_url_from_the_environment(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://app@db/companion")
    settings = load_settings({"APP_ENV": "test"})
    assert settings["SQLALCHEMY_DATABASE_URI"] == "postgresql://app@db/companion"


def test_default_database_is_sqlite_under_instance(monkeypatch, tmp_path):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    settings = load_settings({"APP_ENV": "test", "INSTANCE_PATH": str(tmp_path)})
    assert settings["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{tmp_path / 'companion.db'}"
