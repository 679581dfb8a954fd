"""The scale benchmark (bench/run.py) and its synthetic records (bench/synth.py)."""
