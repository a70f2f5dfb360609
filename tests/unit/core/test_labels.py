from __future__ import annotations

import pytest

from xzannot.core.labels import LabelSchemaError, parse_label_schema
from xzannot.shipped import resource_text


def test_default_schema_has_target_project_policy_with_keys() -> None:
    labels = parse_label_schema(resource_text("labels.toml"))
    assert [(label.key, label.name_zh, label.shortcut) for label in labels] == [
        ("target", "目标", "1"),
        ("project", "项目", "2"),
        ("policy", "政策", "3"),
    ]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("label = 3", "no [[label]]"),
        ("[[label]]\nname_zh='x'", "no key"),
        ("[[label]]\nkey='a'\n[[label]]\nkey='a'", "declared twice"),
        ("[[label]]\nkey='a'\ncolor='red'", "#rrggbb"),
        ("[[label]]\nkey='a'\nshortcut='1'\n[[label]]\nkey='b'\nshortcut='1'", "already taken"),
        ("[[label", "not valid TOML"),
    ],
)
def test_bad_schemas_are_explained(text: str, reason: str) -> None:
    with pytest.raises(LabelSchemaError, match=reason.replace("[", r"\[").replace("]", r"\]")):
        parse_label_schema(text)
