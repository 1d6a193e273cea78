import sys

from newsweave.web.serve_command import main

sys.exit(main())
