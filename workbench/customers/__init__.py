"""Customers from order exports: RFM segments and lifecycle stages for the segment library.

``workbench segments import FILE`` reads a Taobao/Tmall, 有赞/微店 or generic order export
(:mod:`~workbench.customers.reading`, :mod:`~workbench.customers.layouts`), folds the counted
orders into one row per customer (:mod:`~workbench.customers.orders`), cuts them into
segments (:mod:`~workbench.customers.models`), and writes the segment library entries
(:mod:`~workbench.customers.library`) and member files (:mod:`~workbench.customers.members`).
:func:`~workbench.customers.importer.import_segments` ties the steps together.
"""
