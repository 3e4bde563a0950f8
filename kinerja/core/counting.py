"""Row counts for pagination, cached until the counted table changes.

A list page of 50 rows over 100,000 pegawai spends more time counting than showing: COUNT(*) scans the
whole index on every request. The count is cached per query, under a version that any write to the
table bumps (`invalidate_counts`), so a count is never stale after a change, only reused between
changes. The cache is Django's default cache, shared by all workers (see settings.CACHES).
"""

import hashlib
import secrets

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.utils.functional import cached_property

TIMEOUT = 300


def _version_key(namespace: str) -> str:
    return f"count-version:{namespace}"


def version(namespace: str) -> int:
    """The current version of `namespace`: it changes whenever `invalidate_counts(namespace)` runs."""
    value = cache.get(_version_key(namespace))
    if value is None:
        # A random start: a cleared cache never hands out a version that something still remembers.
        cache.add(_version_key(namespace), secrets.randbits(48), None)
        value = cache.get(_version_key(namespace))
    return value


def cached_count(qs: QuerySet, *, namespace: str, key: str | None = None) -> int:
    """`qs.count()`, cached. `key` identifies the query (e.g. user and filters); by default its SQL,
    which costs one extra compilation of the query."""
    version_ = version(namespace)
    if key is None:
        sql, params = qs.query.sql_with_params()
        key = f"{sql}:{params!r}"
    digest = hashlib.sha1(f"{qs.db}:{key}".encode()).hexdigest()
    key = f"count:{namespace}:{version_}:{digest}"
    count = cache.get(key)
    if count is None:
        count = qs.count()
        cache.set(key, count, TIMEOUT)
    return count


def invalidate_counts(namespace: str) -> None:
    """Every cached count of `namespace` is forgotten (call after any write to the counted table)."""
    try:
        cache.incr(_version_key(namespace))
    except ValueError:
        cache.set(_version_key(namespace), secrets.randbits(48), None)


class CachedCountPaginator(Paginator):
    def __init__(self, object_list, per_page, *, namespace: str, key: str | None = None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.namespace, self.key = namespace, key

    @cached_property
    def count(self) -> int:
        return cached_count(self.object_list, namespace=self.namespace, key=self.key)
