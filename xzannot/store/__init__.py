"""Persistence for xzannot projects: SQLAlchemy models, migrations and repository functions.

Repository functions take a :class:`sqlalchemy.orm.Session`; callers own the
transaction (one per user action).
"""
