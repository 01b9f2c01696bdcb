"""What the figures share in one run: a temporary folder, generated data sets, options."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from .generate import Dataset, write_dataset


@dataclass
class Context:
    tmp: Path
    reps: int = 5
    seed: int = 1
    quick: bool = False
    started: float = field(default_factory=time.perf_counter)
    _data: dict[tuple[int, int], Dataset] = field(default_factory=dict)

    def dataset(self, n_profiles: int, n_indicators: int) -> Dataset:
        """The generated data set of that size (written once per run, into the temp folder)."""
        if self.quick:
            n_profiles = max(20, n_profiles // 10)
        key = (n_profiles, n_indicators)
        if key not in self._data:
            root = self.tmp / f"data-{n_profiles}x{n_indicators}"
            self._data[key] = write_dataset(root, n_profiles, n_indicators, seed=self.seed)
        return self._data[key]

    def elapsed(self) -> float:
        return time.perf_counter() - self.started
