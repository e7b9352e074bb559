"""Tracked links: a short code per variant, the redirect target with the brand's own UTM
parameters kept, the click endpoint (``workbench track serve``) and its statistics."""
