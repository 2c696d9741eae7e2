"""`python -m evidence_vault.cli`: the same as the `evidence-vault` console script."""

from . import main

main(prog_name="evidence-vault")
