"""Token buckets: a client's commands and requests, metered (pure; the clock is injected)."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(slots=True)
class Bucket:
    rate: float  # tokens added a second
    burst: float  # the most it holds
    tokens: float
    at: float

    def take(self, now: float, cost: float = 1.0) -> bool:
        self.tokens = min(self.burst, self.tokens + (now - self.at) * self.rate)
        self.at = now
        if self.tokens >= cost:
            self.tokens -= cost
            return True
        return False


class Buckets:
    """One bucket per client key (an address, a connection), the least recently used dropped
    beyond ``max_keys``: a flood from many addresses cannot grow this without bound."""

    def __init__(
        self, rate: float, burst: float, clock: Callable[[], float], *, max_keys: int = 1024
    ) -> None:
        self.rate, self.burst, self.clock, self.max_keys = rate, burst, clock, max_keys
        self._buckets: OrderedDict[object, Bucket] = OrderedDict()

    def take(self, key: object) -> bool:
        now = self.clock()
        bucket = self._buckets.get(key)
        if bucket is None:
            bucket = Bucket(self.rate, self.burst, self.burst, now)
            self._buckets[key] = bucket
            if len(self._buckets) > self.max_keys:
                self._buckets.popitem(last=False)
        else:
            self._buckets.move_to_end(key)
        return bucket.take(now)

    def __len__(self) -> int:
        return len(self._buckets)
