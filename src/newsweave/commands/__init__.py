"""One module per CLI subcommand; :mod:`newsweave.cli` lists them."""
