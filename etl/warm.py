"""Imported by the worker pool's fork server: builds the extractor once, so every worker forks ready."""

from __future__ import annotations

import gc

from aidtracker.etl.pipeline import warm_up

warm_up()
# Keep the warm objects out of the workers' garbage collections: a collection touching them
# would copy their shared pages into each worker.
gc.freeze()
