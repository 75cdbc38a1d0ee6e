"""Files: reading a dataset file from disk and writing outputs whole.

dataset.py chooses the dataset in use, reads it within the size limit, parses the
TOML and validates it with the core's models and rules, raising the core's
exceptions with every problem placed at its line and column. output.py writes an
output file whole or not at all; descriptor.py writes all of a buffer to a file
descriptor. This layer imports the core only: no wording (formats/) and nothing of
the command line (cli/).
"""
