"""Data files of hzcorpus models (the line model)."""
