"""aidtracker's ETL: read articles, extract aid facts, normalize them, load them into DuckDB."""
