"""Posters: brand-kit layouts rendered with Pillow, CJK typesetting, sizes and tracked QR.

Modules: ``sizes`` (presets, shapes), ``templates`` (YAML layouts), ``linebreak`` (避头尾,
Latin words, numbers with units), ``fit`` (fit to box), ``fonts`` (bundled subset, system
fallback, emoji dropped), ``palette`` (brand roles, WCAG contrast), ``qr`` (UTM URL, matrix),
``render`` (drawing), ``service`` (variants -> files -> assets), ``step`` (after-batch
rendering), ``contact`` (the template contact sheet).
"""
