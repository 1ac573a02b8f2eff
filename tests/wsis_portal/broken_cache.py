"""A cache backend that is always down, to test what the portal does without its cache."""

from django.core.cache.backends.base import BaseCache


class BrokenCache(BaseCache):
    def __init__(self, location, params):
        super().__init__(params)

    def _down(self, *args, **kwargs):
        raise ConnectionError("cache is down")

    add = get = set = touch = delete = incr = decr = clear = has_key = _down
    get_many = set_many = delete_many = _down
