"""The pure model of xzannot: text, boxes, edits and page metadata. Imports no Qt and no SQL."""
