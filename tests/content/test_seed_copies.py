"""The seed policies and public vectors shipped in the repository match the team's shared copies."""

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
COPIES = [
    (SHARED / "seeds", REPO / "shared_rules" / "seeds"),
    (SHARED / "RISK_TAXONOMY.md", REPO / "shared_rules"),
    (SHARED / "vectors" / "drafts-public.jsonl", REPO / "tests" / "js" / "vectors"),
]


@pytest.mark.skipif(not SHARED.is_dir(), reason="no shared/ folder beside the repository")
@pytest.mark.parametrize(("original", "copy_dir"), COPIES)
def test_copies_match_shared(original, copy_dir):
    files = sorted(original.iterdir()) if original.is_dir() else [original]
    assert files
    for path in files:
        assert (copy_dir / path.name).read_bytes() == path.read_bytes(), path.name
