"""aidtracker's reference data: the CSV gazetteers beside this file, described in README.md."""
