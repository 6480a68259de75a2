"""aidtracker's Streamlit dashboard over the DuckDB file the ETL writes."""
