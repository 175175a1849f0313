"""`python -m hzcorpus` is the `hzcorpus` command."""

from .cli import main

raise SystemExit(main())
