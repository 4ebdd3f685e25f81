"""The shared StreamField vocabulary. What makes a block deliverable: :mod:`blocks.base`; the
blocks every content page offers: :mod:`blocks.shared`."""
