"""The bundle API: listing, ETag revalidation, immutable versions, history."""

import json

from shared_rules import compose


def test_lists_every_council_in_shared_rules(client, imported, rules_dir):
    response = client.get("/api/v1/councils")
    assert response.status_code == 200
    listed = {c["slug"]: c for c in response.get_json()}
    assert set(listed) == set(compose.council_slugs(rules_dir))
    assert all(c["latest_version"] == 1 for c in listed.values())
    assert {"slug", "name", "kind", "latest_version"} <= set(next(iter(listed.values())))


def test_latest_bundle_then_304_on_the_same_etag(client, imported):
    first = client.get("/api/v1/councils/wiltshire/bundle")
    assert first.status_code == 200
    assert first.headers["Cache-Control"] == "no-cache"
    assert first.headers["X-Bundle-Version"] == "1"
    etag = first.headers["ETag"]
    assert etag.startswith('"') and not etag.startswith("W/")
    again = client.get("/api/v1/councils/wiltshire/bundle", headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.data == b""
    assert again.headers["ETag"] == etag


def test_stale_etag_gets_the_body(client, imported):
    response = client.get("/api/v1/councils/wiltshire/bundle",
                          headers={"If-None-Match": '"not-the-current-one"'})
    assert response.status_code == 200
    assert response.get_json()["council"]["slug"] == "wiltshire"


def test_served_bytes_are_the_composed_bundle_without_examples(client, imported, rules_dir):
    for slug in compose.council_slugs(rules_dir):
        served = client.get(f"/api/v1/councils/{slug}/bundle").data
        composed = compose.compose(slug, rules_dir=rules_dir)
        assert served == compose.to_bytes(compose.served(composed))
        assert all("examples" in rule for rule in composed["rules"] if "trigger" not in rule)
        assert not any("examples" in rule for rule in json.loads(served)["rules"])


def test_a_version_is_cacheable_for_ever(client, imported):
    response = client.get("/api/v1/councils/lowestoft/bundle/1")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert response.get_json()["council"]["name"] == "Lowestoft Town Council"


def test_history_lists_versions_newest_first(app, client, imported, rules_dir):
    from api.services.bundles import import_all

    council_file = rules_dir / "councils" / "loughton.json"
    data = json.loads(council_file.read_text())
    data["checklist"][0]["text"] = "Have you checked this is true?"
    council_file.write_text(json.dumps(data))
    import_all(change_note="Reworded the first checklist question.")
    history = client.get("/api/v1/councils/loughton/versions").get_json()
    assert [v["version"] for v in history] == [2, 1]
    assert history[0]["change_note"] == "Reworded the first checklist question."
    assert history[1]["change_note"] == "First published version."
    assert client.get("/api/v1/councils/loughton/versions?limit=1").get_json()[0]["version"] == 2
