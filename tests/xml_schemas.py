"""The official PAGE and ALTO schemas, compiled offline from tests/data/schemas."""

from __future__ import annotations

from functools import cache

from lxml import etree

from tests.conftest import DATA

SCHEMAS = DATA / "schemas"
XLINK = "http://www.w3.org/1999/xlink"


@cache
def schema(name: str) -> etree.XMLSchema:
    """``pagecontent-2019-07-15.xsd`` or ``alto-4-4.xsd``, with XLink read from the local copy."""
    document = etree.parse(str(SCHEMAS / name))
    for element in document.getroot().iter("{http://www.w3.org/2001/XMLSchema}import"):
        if element.get("namespace") == XLINK:
            element.set("schemaLocation", (SCHEMAS / "xlink.xsd").resolve().as_uri())
    return etree.XMLSchema(document)
