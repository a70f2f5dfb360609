"""The official PAGE and ALTO schemas, compiled offline from ``../shared/schemas``."""

from __future__ import annotations

from functools import cache

from lxml import etree

from tests.conftest import shared_file

XLINK = "http://www.w3.org/1999/xlink"


@cache
def schema(name: str) -> etree.XMLSchema:
    """``pagecontent-2019-07-15.xsd`` or ``alto-4-4.xsd``, with XLink read from the local copy.

    Skips the test where ``../shared/`` is absent."""
    document = etree.parse(str(shared_file("schemas", name)))
    for element in document.getroot().iter("{http://www.w3.org/2001/XMLSchema}import"):
        if element.get("namespace") == XLINK:
            element.set("schemaLocation", shared_file("schemas", "xlink.xsd").resolve().as_uri())
    return etree.XMLSchema(document)
