"""One APIRouter per resource; :mod:`newsweave.serve.app` includes them."""
