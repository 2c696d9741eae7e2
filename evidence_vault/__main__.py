"""`python -m evidence_vault`: the same as the `evidence-vault` console script."""

from .cli import main

main(prog_name="evidence-vault")
