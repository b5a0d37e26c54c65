import sys

from rempart.cli.main import main

sys.exit(main())
