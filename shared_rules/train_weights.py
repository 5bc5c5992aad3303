"""Train the word weights: one small linear model per risk category, read on the phone.

The rules catch what can be said precisely; the word weights catch the rest of a family of
expression that no rule names yet. They are trained on the project's own labelled drafts
(``tests/js/corpus/``), never on the public vectors nor on the blind sets kept to measure them
(``BLIND``). Each category's threshold is set from cross-validated scores so that at most
``BENIGN_BUDGET`` of the benign drafts would be flagged, because a false alarm costs trust.

Usage (needs requirements-train.txt): ``python shared_rules/train_weights.py`` rewrites
``shared_rules/base/word-weights.json`` and prints cross-validated recall per category.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import NamedTuple

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "js" / "corpus"
# Never read here: they measure how the analyser generalises (two sets of imagined posts, ten
# grounded in real cases, one of benign near-misses). Every other set trains. Training on
# real-set-21 to 25 and 27 was tried (2026-12-07): on the six sets still blind it found 636
# pairs instead of 634, with 24 benign drafts flagged instead of 23, so they stay out and
# measure. So was training on benign-set-12 (same day): the four real-case sets never tuned for
# went from 233 to 232 pairs and from 19 to 20 benign drafts flagged, so it stays out too.
BLIND = ("twentieth-set.jsonl", "twenty-first-set.jsonl", "real-set-3.jsonl",
         "real-set-4.jsonl", "real-set-21.jsonl", "real-set-22.jsonl", "real-set-23.jsonl",
         "real-set-24.jsonl", "real-set-25.jsonl", "real-set-26.jsonl", "real-set-27.jsonl",
         "real-set-28.jsonl", "benign-set-12.jsonl")
TRAINING = sorted(p.name for p in CORPUS.glob("*.jsonl") if p.name not in BLIND)
BASE_RULES = ROOT / "shared_rules" / "base"
OUT = BASE_RULES / "word-weights.json"
RULE_EXAMPLES = "flag examples of shared_rules/base/rules-*.json"
MESSAGES = ROOT / "shared_rules" / "word-weights-messages.json"
# Not "emotional": it depends on the hour and on plain signs (capitals, "!!!", words of anger
# after 23:00) that the rules state exactly, and a word model would flag daytime frustration.
CATEGORIES = ["defamation", "predetermination", "confidential", "personal_data",
              "discrimination", "harassment", "electioneering", "council_voice", "copyright",
              "safeguarding", "security", "casework", "commercial"]
MIN_DRAFTS = 2  # a feature seen in fewer drafts than this is noise
# The three settings below were last chosen together on eight sets grounded in real cases, with
# weights trained without them (real-set-13 to 20: 659 risky pairs, 320 benign drafts; rules plus
# weights). They are measured as a whole because the veto clears false alarms that a looser
# threshold makes, and more features make both sharper:
#
#   features  budget  veto   pairs found  benign flagged
#   2,500     0.001   none   452          39
#   2,500     0.001   0.01   450          27   (what shipped before)
#   5,000     0.001   0.01   454          26
#   2,500     0.003   0.05   474          36
#   5,000     0.003   0.02   493          40
#   5,000     0.003   0.05   486          35   (chosen)
#
# On the four measuring sets the chosen settings found 541 of 610 pairs against 518, with 11 of
# 248 benign drafts flagged against 15. The cost is bundle size: 5,000 features per category
# rather than 2,500 add about 160 KB to the gzip-compressed bundle (426 KB to 590 KB), fetched
# once per bundle version. Rounding weights to one decimal would save 60 KB of that and lost 1
# pair and added 3 false alarms on the same sets.
#
# Features kept per category (earlier: 600 to 1,500 to 2,500 as the corpus grew).
KEEP = 5000
C = 1.0
# Per category, of the benign drafts, in cross-validation.
BENIGN_BUDGET = 0.003
FOLDS = 5
# A rule's finding is dropped when the draft weighs below its category's veto: the score that all
# but this share of the category's risky drafts passed in cross-validation. First chosen at 0.01
# on four sets grounded in real cases before the weights were trained on them (real-set-13 to
# 16), where it cleared 7 of the 16 benign drafts a rule flagged for 1 of 177 risky pairs lost;
# raised to 0.05 with the looser budget above.
VETO_QUANTILE = 0.05


def load_drafts() -> list[dict]:
    """Read every training draft (every set but the blind ones), and the base rules' examples."""
    drafts = []
    for name in TRAINING:
        with open(CORPUS / name, encoding="utf-8") as lines:
            drafts.extend({**json.loads(line), "set": name} for line in lines if line.strip())
    return drafts + rule_examples()


def rule_examples() -> list[dict]:
    """Each base rule's `flag` examples, as risky drafts of the rule's category (one set).

    A rule's finding is dropped when the weights read the draft as innocent (``VETO_QUANTILE``),
    and a rule that does not flag its own examples fails the build: learning them keeps the two
    in agreement. When they were added (2,500 features, veto at 0.01), the measuring sets found
    521 of 610 risky pairs against 519 without them, with 14 benign drafts flagged against 13.
    The `pass` examples are not used: they are only innocent of their own rule, and some are
    risky in another category.
    """
    drafts = []
    for path in sorted(BASE_RULES.glob("rules-*.json")):
        for rule in json.loads(path.read_text(encoding="utf-8"))["rules"]:
            when = {key: value[0] if isinstance(value, list) else value
                    for key, value in (rule.get("when") or {}).items()}
            for k, example in enumerate((rule.get("examples") or {}).get("flag", [])):
                text, context = ((example, {}) if isinstance(example, str)
                                 else (example["text"], example.get("context", {})))
                drafts.append({"id": f"{rule['id']}-{k}", "text": text,
                               "context": {**when, **context}, "expect": [rule["category"]],
                               "set": RULE_EXAMPLES})
    return drafts


def features_of(drafts: list[dict]) -> list[list[str]]:
    """Featurise with the phone's own code (pwa/tools/features.mjs), so both sides agree."""
    tool = ROOT / "pwa" / "tools" / "features.mjs"
    lines = "".join(json.dumps({"id": d["id"], "text": d["text"], "context": d.get("context", {})})
                    + "\n" for d in drafts)
    run = subprocess.run(["node", str(tool)], input=lines.encode(), capture_output=True,
                         check=True)
    return [json.loads(line)["features"] for line in run.stdout.decode().splitlines()]


class Linear(NamedTuple):
    """One category's model: a weight for each feature name, and a bias."""

    names: list[str]
    weights: np.ndarray
    bias: float

    def scores(self, rows: list[dict]) -> np.ndarray:
        """Score drafts as the phone does: the bias plus the weight of every feature present."""
        weight = dict(zip(self.names, self.weights, strict=True))
        return np.array([self.bias + sum(weight.get(f, 0.0) for f in row) for row in rows])


def fit(rows: list[dict], labels: np.ndarray) -> Linear:
    """Fit, keep the KEEP strongest features, and fit again on those alone.

    Each feature is first scaled by its naive Bayes log-count ratio (how much more often it occurs
    in the category's drafts than in the others), and the logistic regression learns on the scaled
    features (Wang and Manning, 2012, "NBSVM"). The weight of a feature is its learned coefficient
    times its ratio, so the phone still adds up one weight per feature. Cross-validated by
    author, this found 0.681 of risky pairs against 0.619 for the plain regression at the same
    benign budget.
    """
    names, weights, bias = _fit_scaled(rows, labels)
    kept = set(np.array(names)[np.argsort(-np.abs(weights))[:KEEP]])
    return Linear(*_fit_scaled([{f: 1 for f in r if f in kept} for r in rows], labels))


def _fit_scaled(rows: list[dict], labels: np.ndarray) -> tuple[list[str], np.ndarray, float]:
    vec = DictVectorizer()
    matrix = vec.fit_transform(rows)
    inside = np.asarray(matrix[labels].sum(axis=0)).ravel() + 1
    outside = np.asarray(matrix[~labels].sum(axis=0)).ravel() + 1
    ratio = np.log((inside / inside.sum()) / (outside / outside.sum()))
    model = LogisticRegression(C=C, max_iter=5000, class_weight="balanced")
    model.fit(matrix.multiply(ratio).tocsr(), labels)
    return vec.feature_names_, model.coef_[0] * ratio, float(model.intercept_[0])


def cross_validated(rows: list[dict], labels: np.ndarray, sets: list[str]) -> np.ndarray:
    """Score every draft with a model that did not see it, nor any draft of its set: each set
    has its own author, and the thresholds must hold for drafts by authors the model never read."""
    out = np.zeros(len(rows))
    for train, test in GroupKFold(FOLDS).split(rows, labels, sets):
        out[test] = fit([rows[i] for i in train], labels[train]).scores([rows[i] for i in test])
    return out


def threshold_for(scores: np.ndarray, benign: np.ndarray) -> float:
    """The lowest score that flags at most BENIGN_BUDGET of the benign drafts."""
    ranked = np.sort(scores[benign])[::-1]
    allowed = int(BENIGN_BUDGET * benign.sum())
    return float(ranked[min(allowed, len(ranked) - 1)])


def train() -> dict:
    drafts = load_drafts()
    featurised = features_of(drafts)
    counts = Counter(f for feats in featurised for f in set(feats))
    rows = [{f: 1 for f in feats if counts[f] >= MIN_DRAFTS} for feats in featurised]
    benign = np.array([not d["expect"] for d in drafts])
    sets = [d["set"] for d in drafts]
    messages = json.loads(MESSAGES.read_text(encoding="utf-8"))
    flagged_benign = np.zeros(len(drafts), dtype=bool)
    categories = {}
    for category in CATEGORIES:
        labels = np.array([category in d["expect"] for d in drafts])
        cv = cross_validated(rows, labels, sets)
        threshold = threshold_for(cv, benign)
        veto = min(float(np.quantile(cv[labels], VETO_QUANTILE)), threshold)
        flagged_benign |= benign & (cv > threshold)
        model = fit(rows, labels)
        weights = dict(zip(model.names, model.weights, strict=True))
        categories[category] = {
            **messages[category],
            "bias": round(model.bias, 2),
            "threshold": round(threshold, 2),
            "veto": round(veto, 2),
            "weights": {f: round(float(w), 2) for f, w in
                        sorted(weights.items(), key=lambda fw: -fw[1]) if round(float(w), 2)},
        }
        print(f"{category:17} {labels.sum():4} drafts; cross-validated recall "
              f"{(cv[labels] > threshold).mean():.2f}; benign drafts below the veto "
              f"{(cv[benign] < veto).mean():.2f}")
    print(f"benign drafts flagged by any category, cross-validated: "
          f"{flagged_benign.sum()}/{benign.sum()}")
    return {"word_weights": {"trained_on": [*TRAINING, RULE_EXAMPLES], "drafts": len(drafts),
                             "categories": categories}}


def main() -> int:
    data = train()
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
