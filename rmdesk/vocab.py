"""The closed lists the data model uses. Values are stable ASCII keys stored in the
database; their labels in each language live in resources/i18n/messages.toml under
`label.<list>.<key>` (a test checks every key has both)."""

from __future__ import annotations

STEPS = (1, 2, 3, 4, 5, 6)
FINAL_STEP = 6

STATUSES = ("active", "nurture", "won", "lost")

INDUSTRIES = (
    "coal", "power", "chemicals", "petrochemicals", "steel", "nonferrous", "paper",
    "textiles", "autos", "real_estate", "machinery", "food", "electronics_it", "cement",
    "trade", "logistics", "pharma", "construction", "services", "other",
)
POLICY_CLASSES = ("encouraged", "permitted", "restricted", "eliminated")
SIZES = ("large", "medium", "small", "micro")
SOURCE_CHANNELS = ("media", "referral", "cold", "acquaintance", "network")
# Tier keys of every shipped tiering scheme (resources/tier_schemes.toml): the pyramid,
# A/B/C, the value x loyalty matrix and star levels. A scheme uses some of them.
PYRAMID_TIERS = ("key", "major", "ordinary", "small")
TIERS = (*PYRAMID_TIERS, "a", "b", "c", "loyal", "problem1", "problem2",
         "star5", "star4", "star3", "star2", "star1")

CONTACT_ROLES = ("gm", "finance_vp", "cfo", "finance_manager", "treasury", "other")
DECISION_POWERS = ("decides", "influences", "informs", "none")
ATTITUDES = ("supportive", "neutral", "opposed", "unknown")

VISIT_KINDS = ("onsite", "phone", "event", "meal")
VISIT_STATUSES = ("planned", "done", "cancelled")

OBJECTION_TYPES = ("no_need", "price", "product_fit", "bank_loyalty", "timing", "authority", "service")
NEED_AREAS = ("purchasing", "sales", "financing", "idle_cash", "settlement", "trade")
DEAL_STATUSES = ("open", "won", "lost")
LOST_REASONS = ("price", "competitor", "no_need", "credit_risk", "policy", "no_contact", "other")

# The five qualification criteria of step 1 (优选法), in the order they are shown.
QUALIFICATION_CRITERIA = ("need", "afford", "standard", "authority", "value")

# Traits of a large client worth targeting (大客户特质), ticked in step 1.
LARGE_CLIENT_TRAITS = ("trait_results", "trait_brand", "trait_head_office", "trait_demand", "trait_attitude",
                       "trait_benchmark")

ALL_LISTS: dict[str, tuple[str, ...]] = {
    "status": STATUSES,
    "industry": INDUSTRIES,
    "policy": POLICY_CLASSES,
    "size": SIZES,
    "channel": SOURCE_CHANNELS,
    "tier": TIERS,
    "role": CONTACT_ROLES,
    "decision": DECISION_POWERS,
    "attitude": ATTITUDES,
    "visit_kind": VISIT_KINDS,
    "visit_status": VISIT_STATUSES,
    "objection": OBJECTION_TYPES,
    "need_area": NEED_AREAS,
    "deal_status": DEAL_STATUSES,
    "lost_reason": LOST_REASONS,
    "criterion": QUALIFICATION_CRITERIA,
    "trait": LARGE_CLIENT_TRAITS,
}
