"""User actions run against a project: each reads files through ``io`` and stores through ``store``.

Shared by the command line and the window; free of Qt.
"""
